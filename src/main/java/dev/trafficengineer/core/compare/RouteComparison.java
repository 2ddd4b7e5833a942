package dev.trafficengineer.core.compare;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reviews a change: both states are validated as validate_route does (with their context documents,
 * when given) and their findings are paired. A finding is identified by its code, the resource it
 * is about ({@code Kind namespace/name}) and its path inside that resource, not by its line or
 * document index, which move whenever a document is added above it; messages are not compared,
 * since they quote values the change may alter (a weight, a share). A finding in both states whose
 * impact differs (10% of a rule's traffic failing before, 50% after) is {@code changed}, not
 * unchanged: the same code at the same place, but a different outage.
 */
public final class RouteComparison {
  private RouteComparison() {}

  public static ComparisonResult compare(CompareRequest request) {
    String before = required("before", request == null ? null : request.before());
    String after = required("after", request == null ? null : request.after());
    List<ComparedFinding> old = identified(before);
    List<ComparedFinding> now = identified(after);
    Map<String, Deque<ComparedFinding>> remaining = new HashMap<>();
    old.forEach(f -> remaining.computeIfAbsent(key(f), k -> new ArrayDeque<>()).add(f));
    List<ComparedFinding> introduced = new ArrayList<>();
    List<ComparedFinding> changed = new ArrayList<>();
    List<ComparedFinding> unchanged = new ArrayList<>();
    for (ComparedFinding finding : now) {
      Deque<ComparedFinding> left = remaining.get(key(finding));
      ComparedFinding was = left == null ? null : left.poll();
      if (was == null) {
        introduced.add(with(finding, ComparedFinding.INTRODUCED, null));
      } else if (Objects.equals(was.impact(), finding.impact())) {
        unchanged.add(with(finding, ComparedFinding.UNCHANGED, null));
      } else {
        changed.add(with(finding, ComparedFinding.CHANGED, was.impact()));
      }
    }
    Set<ComparedFinding> unpaired = Collections.newSetFromMap(new IdentityHashMap<>());
    remaining.values().forEach(unpaired::addAll);
    List<ComparedFinding> fixed = new ArrayList<>();
    for (ComparedFinding finding : old) {
      if (unpaired.contains(finding)) {
        fixed.add(with(finding, ComparedFinding.FIXED, null));
      }
    }
    List<ComparedFinding> all = new ArrayList<>(introduced);
    all.addAll(changed);
    all.addAll(fixed);
    all.addAll(unchanged);
    boolean valid =
        introduced.stream().noneMatch(f -> Finding.ERROR.equals(f.severity()))
            && changed.stream().noneMatch(f -> Finding.ERROR.equals(f.severity()) && f.worse());
    return new ComparisonResult(
        valid, introduced.size(), fixed.size(), changed.size(), unchanged.size(), all);
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
              finding.impact(),
              null));
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

  private static ComparedFinding with(ComparedFinding f, String change, Double impactBefore) {
    return new ComparedFinding(
        change,
        f.code(),
        f.severity(),
        f.resource(),
        f.path(),
        f.line(),
        f.message(),
        f.fix(),
        f.impact(),
        impactBefore);
  }
}
