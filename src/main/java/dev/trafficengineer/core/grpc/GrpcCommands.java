package dev.trafficengineer.core.grpc;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.patch.ShellQuote;

/** kubectl command lines about GRPCRoutes; names validated again, every argument quoted. */
public final class GrpcCommands {
  private static final String WEIGHTS_JSONPATH =
      "{range .spec.rules[*]}{range .backendRefs[*]}{.name}={.weight} {end}{\"\\n\"}{end}";

  private GrpcCommands() {}

  /** Prints one line per rule: {@code backend=weight} for each backend. */
  public static String showWeights(String namespace, String name) {
    return "kubectl get grpcroute "
        + ShellQuote.quote(InputRules.subdomain("name", name))
        + " -n "
        + ShellQuote.quote(InputRules.namespace("namespace", namespace))
        + " -o jsonpath="
        + ShellQuote.quote(WEIGHTS_JSONPATH);
  }
}
