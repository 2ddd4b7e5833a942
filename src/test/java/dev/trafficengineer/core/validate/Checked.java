package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/** Runs one check on one YAML document, so each check's test sees only that check's findings. */
final class Checked {

  /** A valid 95/5 canary; tests replace parts of it to break one thing. */
  static final String CANARY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: task-api
        namespace: task-api
      spec:
        parentRefs:
          - name: task-api-gateway
        rules:
          - backendRefs:
              - name: task-api-stable
                port: 8000
                weight: 95
              - name: task-api-canary
                port: 8000
                weight: 5
      """;

  private Checked() {}

  static List<Finding> run(String yaml, BiConsumer<JsonNode, Findings> check) {
    YamlDocument document = YamlReader.read(yaml).get(0);
    List<Finding> findings = new ArrayList<>();
    check.accept(document.tree(), new Findings(findings, document));
    Findings.unnumber(findings);
    return findings;
  }

  /** The canary with its rules replaced by {@code rules}, indented as under {@code rules:}. */
  static String withRules(String rules) {
    return CANARY.substring(0, CANARY.indexOf("  rules:\n")) + "  rules:\n" + rules;
  }

  static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }
}
