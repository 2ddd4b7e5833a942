package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.yaml.YamlDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Collects the findings of one document, turning its JSON Pointers into paths and lines. */
final class Findings {

  private final List<Finding> sink;
  private final ToIntFunction<String> lines;
  private final String prefix;
  private boolean errors;
  private boolean schemaErrors;

  /**
   * Paths carry the document's index ({@code /1/spec/...}); {@link #unnumber} takes it off again
   * when the input turns out to hold one document.
   */
  Findings(List<Finding> sink, YamlDocument document) {
    this(sink, document::lineOf, "/" + document.index());
  }

  private Findings(List<Finding> sink, ToIntFunction<String> lines, String prefix) {
    this.sink = sink;
    this.lines = lines;
    this.prefix = prefix;
  }

  /**
   * The same sink for findings about whole rules (the precedence proofs, made once every document
   * is read), keeping the lines of the rules only and not the whole document's line map.
   */
  Findings forRules() {
    Map<String, Integer> ruleLines = new HashMap<>();
    for (String pointer : List.of("", "/spec", "/spec/rules")) {
      ruleLines.put(pointer, lines.applyAsInt(pointer));
    }
    for (int rule = 0; ; rule++) {
      String pointer = "/spec/rules/" + rule;
      int line = lines.applyAsInt(pointer);
      if (line == ruleLines.get("/spec/rules")) {
        break;
      }
      ruleLines.put(pointer, line);
    }
    return new Findings(sink, pointer -> lineOf(ruleLines, pointer), prefix);
  }

  /** Takes the document index off every path: the input held one document. */
  static void unnumber(List<Finding> findings) {
    findings.replaceAll(
        finding ->
            finding.path().startsWith("/0")
                ? new Finding(
                    finding.code(),
                    finding.severity(),
                    finding.path().substring(2),
                    finding.line(),
                    finding.message(),
                    finding.fix(),
                    finding.impact())
                : finding);
  }

  void error(String code, String pointer, String message, String fix) {
    errors = true;
    schemaErrors |= code.startsWith("TE1");
    add(code, Finding.ERROR, pointer, message, fix);
  }

  void warning(String code, String pointer, String message, String fix) {
    add(code, Finding.WARNING, pointer, message, fix);
  }

  void info(String code, String pointer, String message, String fix) {
    add(code, Finding.INFO, pointer, message, fix);
  }

  /** A cross-resource finding, with the share of traffic that fails when it is known. */
  void crossResource(
      String code, String severity, String pointer, String message, String fix, Double impact) {
    errors |= Finding.ERROR.equals(severity);
    sink.add(
        new Finding(
            code, severity, prefix + pointer, lines.applyAsInt(pointer), message, fix, impact));
  }

  /** Returns whether an error has been reported for this document so far. */
  boolean hasErrors() {
    return errors;
  }

  /** Whether the API server would reject the document: no base for reasoning about traffic. */
  boolean hasSchemaErrors() {
    return schemaErrors;
  }

  private void add(String code, String severity, String pointer, String message, String fix) {
    sink.add(
        new Finding(code, severity, prefix + pointer, lines.applyAsInt(pointer), message, fix));
  }

  /** The line of {@code pointer} or of its nearest kept ancestor, as {@link YamlDocument} does. */
  private static int lineOf(Map<String, Integer> lines, String pointer) {
    String current = pointer;
    while (!lines.containsKey(current) && !current.isEmpty()) {
      current = current.substring(0, Math.max(current.lastIndexOf('/'), 0));
    }
    return lines.getOrDefault(current, 0);
  }
}
