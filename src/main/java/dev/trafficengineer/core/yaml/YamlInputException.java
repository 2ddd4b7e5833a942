package dev.trafficengineer.core.yaml;

/** Input that is not acceptable YAML, or that exceeds a {@link YamlLimits} bound. */
public final class YamlInputException extends RuntimeException {

  private final int line;

  YamlInputException(String message, int line) {
    super(message);
    this.line = line;
  }

  YamlInputException(String message, int line, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  /** Returns the 1-based line the problem was found on, or 0 when it has no single line. */
  public int line() {
    return line;
  }
}
