package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The backendRefs of each rule: ports (TE107), duplicates (TE204), rules that can send nowhere
 * (TE205) and references into other namespaces (TE401).
 */
final class BackendRefCheck {

  private BackendRefCheck() {}

  static void check(JsonNode route, Findings findings) {
    check(route, findings, false);
  }

  /**
   * {@code grpc}: the route is a GRPCRoute, which has no default rule, and whose calls get
   * UNAVAILABLE where an HTTP request gets a 500.
   */
  static void check(JsonNode route, Findings findings, boolean grpc) {
    String namespace = RouteParts.namespace(route);
    JsonNode spec = RouteParts.spec(route);
    if (grpc && spec != null && Tree.items(spec, "rules").isEmpty()) {
      findings.error(
          Codes.NO_BACKENDS,
          "/spec",
          "The GRPCRoute has no rules, so it routes no call: every call to it gets UNIMPLEMENTED.",
          "Add spec.rules with backendRefs naming the Service and port to send calls to.");
    } else if (!grpc && spec != null && !Tree.has(spec, "rules")) {
      findings.error(
          Codes.NO_BACKENDS,
          "/spec",
          "The route has no rules, so it gets the default rule (every path) with no backendRefs:"
              + " every request it attaches gets a 500.",
          "Add spec.rules with backendRefs naming the Service and port to send traffic to.");
    }
    for (Located rule : RouteParts.rules(route)) {
      if (!rule.node().isObject()) {
        // Not a rule at all: the schema check has reported it.
        continue;
      }
      List<Located> backends = RouteParts.located(rule.node(), rule.pointer(), "backendRefs");
      if (grpc && backends.isEmpty() && !answersItself(rule.node())) {
        findings.error(
            Codes.NO_BACKENDS,
            rule.pointer(),
            "This rule has no backendRefs: every call it matches gets UNAVAILABLE instead of"
                + " reaching a service.",
            "Add backendRefs with the Service and port to send these calls to.");
      } else if (backends.isEmpty() && !answersItself(rule.node())) {
        findings.error(
            Codes.NO_BACKENDS,
            rule.pointer(),
            "This rule has no backendRefs and no RequestRedirect filter: every request it matches"
                + " gets a 500 instead of reaching a service.",
            "Add backendRefs with the Service and port to send these requests to, or a"
                + " RequestRedirect filter.");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (Located backend : backends) {
        if (!backend.node().isObject()) {
          continue;
        }
        port(backend, findings);
        duplicate(backend, seen, findings);
        String target = Tree.text(backend.node(), "namespace");
        if (namespace != null && target != null && !target.equals(namespace)) {
          findings.warning(
              Codes.CROSS_NAMESPACE,
              backend.pointer() + "/namespace",
              "This backendRef points into namespace \"%s\" from a route in \"%s\"; without a ReferenceGrant in \"%s\" the reference is refused and its share of traffic gets a 500."
                  .formatted(target, namespace, target),
              "Create a ReferenceGrant in namespace \"%s\" that allows %s from \"%s\" to reference Services, or move the route next to the Service."
                  .formatted(target, grpc ? "GRPCRoutes" : "HTTPRoutes", namespace));
        }
      }
    }
  }

  /** A redirect answers requests itself; an extension filter may, so neither needs backends. */
  private static boolean answersItself(JsonNode rule) {
    for (JsonNode filter : Tree.items(rule, "filters")) {
      String type = Tree.text(filter, "type");
      if ("RequestRedirect".equals(type) || "ExtensionRef".equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static void duplicate(Located backend, Map<String, Integer> seen, Findings findings) {
    JsonNode node = backend.node();
    String name = Tree.text(node, "name");
    if (name == null) {
      return;
    }
    String key =
        String.join(
            "\u0000",
            valueOr(node, "group", ""),
            valueOr(node, "kind", "Service"),
            valueOr(node, "namespace", ""),
            name,
            String.valueOf(Tree.integer(node, "port")));
    String index = backend.pointer().substring(backend.pointer().lastIndexOf('/') + 1);
    Integer earlier = seen.putIfAbsent(key, Integer.parseInt(index));
    if (earlier != null) {
      findings.warning(
          Codes.DUPLICATE_BACKEND,
          backend.pointer(),
          "Backend \"%s\" is listed twice in this rule (backendRefs %d and %s); the weights add up, which makes the split harder to read and easy to get wrong when one entry is edited."
              .formatted(name, earlier, index),
          "Keep one entry for \"%s\" with the sum of both weights.".formatted(name));
    }
  }

  /** Checks that a Service reference has a port, and that any port is in range. */
  static void port(Located ref, Findings findings) {
    JsonNode node = ref.node();
    Long port = Tree.integer(node, "port");
    if (port != null) {
      portRange(port, ref.pointer() + "/port", "backendRef", findings);
      return;
    }
    boolean service =
        valueOr(node, "group", "").isEmpty() && valueOr(node, "kind", "Service").equals("Service");
    if (service && !Tree.has(node, "port")) {
      findings.error(
          Codes.PORT,
          ref.pointer(),
          "Must have port for Service reference: without it the Gateway cannot tell which port of"
              + " Service \"%s\" to send to, and the API server rejects the route."
                  .formatted(Tree.text(node, "name")),
          "Add port: with the Service port, e.g. port: 8080.");
    }
  }

  static void portRange(long port, String pointer, String what, Findings findings) {
    if (port < 1 || port > 65535) {
      findings.error(
          Codes.PORT,
          pointer,
          "The %s port %d is outside 1..65535; the API server rejects the route."
              .formatted(what, port),
          "Use the port number the Service (or listener) exposes, between 1 and 65535.");
    }
  }

  private static String valueOr(JsonNode node, String field, String otherwise) {
    String value = Tree.text(node, field);
    return value == null ? otherwise : value;
  }
}
