package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.yaml.YamlDocument;
import java.util.List;

/** Collects the findings of one document, turning its JSON Pointers into paths and lines. */
final class Findings {

  private final List<Finding> sink;
  private final YamlDocument document;
  private final String prefix;
  private boolean errors;
  private boolean schemaErrors;

  /**
   * @param numbered whether the input has several documents, so paths carry the document index
   */
  Findings(List<Finding> sink, YamlDocument document, boolean numbered) {
    this.sink = sink;
    this.document = document;
    this.prefix = numbered ? "/" + document.index() : "";
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
            code, severity, prefix + pointer, document.lineOf(pointer), message, fix, impact));
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
    sink.add(new Finding(code, severity, prefix + pointer, document.lineOf(pointer), message, fix));
  }
}
