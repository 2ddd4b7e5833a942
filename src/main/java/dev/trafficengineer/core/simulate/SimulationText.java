package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.grpc.GrpcRequest;
import java.util.List;
import java.util.Map;

/**
 * A simulation as a person reads it, the same for the command line and the MCP text content: per
 * request, where it goes, the split in percent, the sample counts and the reasons.
 */
public final class SimulationText {
  private SimulationText() {}

  public static String of(SimulateResult result) {
    StringBuilder text = new StringBuilder();
    for (RequestResult one : result.results()) {
      text.append(describe(one.request())).append('\n');
      text.append("  -> ");
      if (one.route() == null) {
        text.append("no route: ").append(one.status()).append('\n');
      } else {
        text.append(one.route())
            .append(" rule ")
            .append(one.rule())
            .append(" match ")
            .append(one.match())
            .append(": ")
            .append(one.status())
            .append('\n');
      }
      for (SimulatedBackend backend : one.backends()) {
        text.append("     ")
            .append(backend.namespace())
            .append('/')
            .append(backend.name())
            .append(backend.port() == null ? "" : ":" + backend.port())
            .append(' ')
            .append(Percent.of(backend.share()))
            .append('\n');
      }
      if (one.listener() != null) {
        text.append("  listener: ").append(one.listener()).append('\n');
      }
      if (one.statusShares() != null && !one.statusShares().isEmpty()) {
        text.append("  outcome: ");
        one.statusShares()
            .forEach(
                (status, share) ->
                    text.append(status).append(' ').append(Percent.of(share)).append("  "));
        text.setLength(text.length() - 2);
        text.append('\n');
      }
      if (one.counts() != null) {
        text.append("  sample: ").append(counts(one.counts())).append('\n');
      }
      text.append("  why:\n");
      one.reasons().forEach(reason -> text.append("   - ").append(reason).append('\n'));
      text.append('\n');
    }
    notes(text, result.notes());
    if (result.sessions() != null) {
      SessionText.append(text, result.sessions());
    }
    return text.toString();
  }

  private static String counts(Map<String, Long> counts) {
    return String.join(
        ", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
  }

  private static void notes(StringBuilder text, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    text.append("Notes:\n");
    notes.forEach(note -> text.append("- ").append(note).append('\n'));
  }

  private static String describe(RequestSpec request) {
    if (request.service() != null) {
      return new GrpcRequest(request.service(), request.method(), request.headers(), request.host())
          .describe();
    }
    return RequestRules.toHttp(request).describe();
  }
}
