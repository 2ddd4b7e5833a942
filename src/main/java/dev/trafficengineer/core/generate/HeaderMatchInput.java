package dev.trafficengineer.core.generate;

/**
 * A header a rule matches on. {@code type} is {@code Exact} (the default) or {@code
 * RegularExpression}.
 */
public record HeaderMatchInput(String name, String value, String type) {
  public HeaderMatchInput(String name, String value) {
    this(name, value, null);
  }

  /** Parses {@code name=value} or {@code name:value}, the form the command line takes. */
  public static HeaderMatchInput parse(String field, String text) {
    int at = text.indexOf('=');
    int colon = text.indexOf(':');
    if (at < 0 || (colon >= 0 && colon < at)) {
      at = colon;
    }
    if (at <= 0) {
      throw new dev.trafficengineer.core.input.InvalidInputException(
          field, text, "must be written name=value (for example x-api-tier=premium)");
    }
    return new HeaderMatchInput(text.substring(0, at).trim(), text.substring(at + 1).trim());
  }
}
