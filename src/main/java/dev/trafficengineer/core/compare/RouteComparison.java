package dev.trafficengineer.core.compare;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reviews a change: both states are validated as validate_route does (with their context documents,
 * when given) and their findings are paired. A finding is identified by its code, the resource it
 * is about ({@code Kind namespace/name}) and its path inside that resource, not by its line or
 * document index, which move whenever a document is added above it; messages are not compared,
 * since they quote values the change may alter (a weight, a share).
 */
public final class RouteComparison {
  private RouteComparison() {}

  public static ComparisonResult compare(CompareRequest request) {
    String before = required("before", request == null ? null : request.before());
    String after = required("after", request == null ? null : request.after());
    List<ComparedFinding> old = identified(before);
    List<ComparedFinding> now = identified(after);
    Map<String, Integer> remaining = new HashMap<>();
    old.forEach(f -> remaining.merge(key(f), 1, Integer::sum));
    List<ComparedFinding> introduced = new ArrayList<>();
    List<ComparedFinding> unchanged = new ArrayList<>();
    for (ComparedFinding finding : now) {
      Integer left = remaining.get(key(finding));
      if (left != null && left > 0) {
        remaining.put(key(finding), left - 1);
        unchanged.add(with(finding, ComparedFinding.UNCHANGED));
      } else {
        introduced.add(with(finding, ComparedFinding.INTRODUCED));
      }
    }
    Map<String, Integer> matched = new HashMap<>();
    now.forEach(f -> matched.merge(key(f), 1, Integer::sum));
    List<ComparedFinding> fixed = new ArrayList<>();
    for (ComparedFinding finding : old) {
      Integer left = matched.get(key(finding));
      if (left != null && left > 0) {
        matched.put(key(finding), left - 1);
      } else {
        fixed.add(with(finding, ComparedFinding.FIXED));
      }
    }
    List<ComparedFinding> all = new ArrayList<>(introduced);
    all.addAll(fixed);
    all.addAll(unchanged);
    boolean valid = introduced.stream().noneMatch(f -> Finding.ERROR.equals(f.severity()));
    return new ComparisonResult(valid, introduced.size(), fixed.size(), unchanged.size(), all);
  }

  private static String required(String field, String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw InvalidInputException.missing(field);
    }
    return yaml;
  }

  private static String key(ComparedFinding finding) {
    return finding.code() + "\u0000" + finding.resource() + "\u0000" + finding.path();
  }

  /** The findings of one state, each with the resource it is about and its path inside it. */
  private static List<ComparedFinding> identified(String yaml) {
    ValidationResult result = RouteValidator.validate(new ValidateRequest(yaml, null));
    List<String> resources = resources(yaml);
    boolean numbered = resources.size() > 1;
    List<ComparedFinding> findings = new ArrayList<>();
    for (Finding finding : result.findings()) {
      String resource = "input";
      String path = finding.path();
      if (numbered && path.startsWith("/")) {
        int end = path.indexOf('/', 1);
        String index = end < 0 ? path.substring(1) : path.substring(1, end);
        if (index.matches("[0-9]+") && Integer.parseInt(index) < resources.size()) {
          resource = resources.get(Integer.parseInt(index));
          path = end < 0 ? "" : path.substring(end);
        }
      } else if (resources.size() == 1) {
        resource = resources.get(0);
      }
      findings.add(
          new ComparedFinding(
              null,
              finding.code(),
              finding.severity(),
              resource,
              path,
              finding.line(),
              finding.message(),
              finding.fix(),
              finding.impact()));
    }
    return findings;
  }

  /** {@code Kind namespace/name} of each document, as the validator numbers them. */
  private static List<String> resources(String yaml) {
    List<YamlDocument> documents;
    try {
      documents = YamlReader.read(yaml);
    } catch (YamlInputException e) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      JsonNode metadata = tree.path("metadata");
      String name = metadata.path("name").asString("");
      names.add(
          name.isEmpty()
              ? "document " + document.index()
              : tree.path("kind").asString("?")
                  + " "
                  + metadata.path("namespace").asString("default")
                  + "/"
                  + name);
    }
    return names;
  }

  private static ComparedFinding with(ComparedFinding f, String change) {
    return new ComparedFinding(
        change,
        f.code(),
        f.severity(),
        f.resource(),
        f.path(),
        f.line(),
        f.message(),
        f.fix(),
        f.impact());
  }
}
