package dev.trafficengineer.core.analysis;

import dev.trafficengineer.core.input.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Everything a caller names in a query is checked against the Prometheus (or Kubernetes label
 * value) grammar before it is written into PromQL: no quote, brace, bracket or operator can get
 * through, so no argument can change what a query selects.
 */
final class PromNames {
  private static final int MAX_NAME = 128;
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,6}(ms|s|m|h|d|w|y))+");

  private PromNames() {}

  static String metric(String field, String value, String fallback) {
    String name = value == null ? fallback : value;
    if (name.isEmpty() || name.length() > MAX_NAME || !METRIC.matcher(name).matches()) {
      throw new InvalidInputException(
          field,
          name,
          "is not a Prometheus metric name (letters, digits, '_' and ':', not starting with a"
              + " digit, at most 128 characters)");
    }
    return name;
  }

  static String label(String field, String value, String fallback) {
    String name = value == null ? fallback : value;
    if (name.isEmpty() || name.length() > MAX_NAME || !LABEL.matcher(name).matches()) {
      throw new InvalidInputException(
          field,
          name,
          "is not a Prometheus label name (letters, digits and '_', not starting with a digit,"
              + " at most 128 characters)");
    }
    if (name.startsWith("__")) {
      throw new InvalidInputException(
          field, name, "starts with '__', which Prometheus reserves for internal labels");
    }
    return name;
  }

  /** A version as it appears in a pod label: the Kubernetes label value rule. */
  static String labelValue(String field, String value, String fallback) {
    String text = value == null ? fallback : value;
    if (text.length() > 63 || !LABEL_VALUE.matcher(text).matches()) {
      throw new InvalidInputException(
          field,
          text,
          "is not a Kubernetes label value (1 to 63 letters, digits, '-', '_' or '.', starting"
              + " and ending with a letter or digit)");
    }
    return text;
  }

  static String window(String field, String value, String fallback) {
    String text = value == null ? fallback : value;
    // Length first: the pattern recurses once per repetition, and a long input overflowed the
    // stack.
    if (text.length() > 32 || !DURATION.matcher(text).matches()) {
      throw new InvalidInputException(
          field,
          text,
          "is not a Prometheus duration (numbers with units ms, s, m, h, d, w or y, e.g. 5m or"
              + " 1h30m)");
    }
    if (text.replaceAll("[^0-9]", "").matches("0+")) {
      throw new InvalidInputException(field, text, "must be longer than zero");
    }
    return text;
  }
}
