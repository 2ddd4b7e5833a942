package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.HeaderMatchInput;
import picocli.CommandLine.Option;

/** A header match given as {@code --header name=value}, with its match type next to it. */
final class HeaderOptions {
  @Option(
      names = "--header",
      required = true,
      paramLabel = "<name=value>",
      description = "Header the rule matches, e.g. x-variant=b.")
  String header;

  @Option(
      names = "--header-type",
      paramLabel = "<type>",
      description = "Exact (default) or RegularExpression.")
  String type;

  /** Null when the flags were left out; core decides what that means. */
  static HeaderMatchInput toInput(HeaderOptions options) {
    if (options == null) {
      return null;
    }
    HeaderMatchInput parsed = HeaderMatchInput.parse("header", options.header);
    return new HeaderMatchInput(parsed.name(), parsed.value(), options.type);
  }
}
