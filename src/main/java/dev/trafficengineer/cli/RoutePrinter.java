package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.RouteResult;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.generate.SplitSummary;
import dev.trafficengineer.core.grpc.RouteKind;
import java.util.stream.Collectors;

/**
 * Prints a generated route. As YAML, stdout carries the route alone so that it can be piped into
 * {@code kubectl apply -f -}, and the summary a person needs goes to stderr.
 */
final class RoutePrinter {
  private RoutePrinter() {}

  static void print(RouteResult result, RouteFormat format, Streams streams) {
    if (format == RouteFormat.json) {
      streams.print(Json.pretty(result));
      return;
    }
    streams.print(CommandText.endingWithNewline(result.yaml()));
    streams.printError(summary(result));
  }

  static String summary(RouteResult result) {
    StringBuilder text = new StringBuilder();
    text.append(RouteKind.ofWritten(result.yaml()).kind())
        .append(' ')
        .append(result.route())
        .append('\n');
    for (RuleSplit rule : result.split()) {
      text.append("  rule ")
          .append(rule.rule())
          .append(", ")
          .append(rule.when())
          .append(": ")
          .append(
              rule.backends().stream()
                  .map(
                      backend -> backend.name() + " " + SplitSummary.percentText(backend.percent()))
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    CommandText.appendList(text, result.notes(), "  ");
    text.append("Next:\n");
    CommandText.appendCommands(text, result.commands(), "  ");
    return text.toString();
  }
}
