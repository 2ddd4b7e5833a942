package dev.trafficengineer.core.gateway;

import dev.trafficengineer.core.gateway.AnalyzedRoute.RouteBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What happens to the share of traffic each Service backendRef of an HTTPRoute or a GRPCRoute gets
 * (httproute_types.go, HTTPRouteRule.BackendRefs; grpcroute_types.go, GRPCRouteRule.BackendRefs): a
 * reference to a Service that does not exist (TE505) or to another namespace without a
 * ReferenceGrant there that allows the route's kind (TE506) is invalid and its share gets a 500
 * (for a GRPCRoute the status UNAVAILABLE, which gRPC over HTTP carries as 503); a Service with no
 * ready endpoint (TE507) SHOULD answer its share with a 503.
 *
 * <p>A Service that exists but has no port equal to the backendRef's (the port "is the service port
 * number, not the target port", object_reference_types.go BackendObjectReference.Port) is TE505
 * too. The spec does not say what then happens; implementations report ResolvedRefs=False with
 * BackendNotFound and answer 500 (Cilium, kgateway, Kuma), and none can reach the port asked for,
 * so the share is counted as failing. Backends of other kinds are not judged.
 */
final class BackendResolution {
  private final GatewayContext context;

  BackendResolution(GatewayContext context) {
    this.context = context;
  }

  /**
   * Adds the findings for every backend of {@code route} and records the status of each failing one
   * in {@code failing}, keyed by route, rule and backend index.
   */
  void check(
      int index,
      AnalyzedRoute route,
      List<GatewayFinding> findings,
      Map<List<Integer>, Integer> failing) {
    String namespace = route.namespace();
    List<List<RouteBackend>> rules = route.rules();
    for (int r = 0; r < rules.size(); r++) {
      List<RouteBackend> refs = rules.get(r);
      long total = refs.stream().mapToLong(RouteBackend::weight).sum();
      for (int b = 0; b < refs.size(); b++) {
        RouteBackend ref = refs.get(b);
        if (!ref.isService() || ref.name() == null) {
          continue;
        }
        String pointer = "/spec/rules/" + r + "/backendRefs/" + b;
        double share = total == 0 ? 0 : (double) ref.weight() / total;
        String target = (ref.namespace() == null ? namespace : ref.namespace());
        String service = target + "/" + ref.name();
        JsonNode found = service(target, ref.name());
        String code = null;
        if (!target.equals(namespace) && !granted(route.kind(), namespace, target, ref.name())) {
          code = Codes.NOT_GRANTED;
          findings.add(
              new GatewayFinding(
                  index,
                  code,
                  "error",
                  pointer,
                  "backendRef "
                      + service
                      + " is in another namespace and no ReferenceGrant in "
                      + target
                      + " allows "
                      + route.kind()
                      + "s from "
                      + namespace
                      + " to reach it: the reference is not permitted (RefNotPermitted) and its "
                      + percent(share)
                      + " of rule "
                      + r
                      + "'s traffic gets "
                      + invalidStatus(route)
                      + ".",
                  "Add a ReferenceGrant in namespace "
                      + target
                      + " with from {group: gateway.networking.k8s.io, kind: "
                      + route.kind()
                      + ", namespace: "
                      + namespace
                      + "} and to {group: \"\", kind: Service, name: "
                      + ref.name()
                      + "}, or use a Service in "
                      + namespace
                      + ".",
                  share));
        } else if (!context.services().isEmpty() && found == null) {
          code = Codes.NO_SERVICE;
          findings.add(
              new GatewayFinding(
                  index,
                  code,
                  "error",
                  pointer + "/name",
                  "Service "
                      + service
                      + " is not in the input (BackendNotFound): its "
                      + percent(share)
                      + " of rule "
                      + r
                      + "'s traffic gets "
                      + invalidStatus(route)
                      + ".",
                  "Add the Service " + service + " or correct the backendRef's name and namespace.",
                  share));
        } else if (found != null && lacksPort(found, ref.port())) {
          code = Codes.NO_SERVICE;
          findings.add(
              new GatewayFinding(
                  index,
                  code,
                  "error",
                  pointer + "/port",
                  "Service "
                      + service
                      + " has no port "
                      + ref.port()
                      + " (its ports: "
                      + ports(found)
                      + "; a backendRef's port is the Service port, not the target port): the"
                      + " reference does not resolve (BackendNotFound, as implementations report"
                      + " it) and its "
                      + percent(share)
                      + " of rule "
                      + r
                      + "'s traffic gets "
                      + invalidStatus(route)
                      + ".",
                  "Set the backendRef's port to one of "
                      + ports(found)
                      + ", or add the port to "
                      + service
                      + ".",
                  share));
        } else if (!context.endpointSlices().isEmpty()
            && readyEndpoints(target, ref.name()) == 0
            && !externalName(found)) {
          code = Codes.NO_ENDPOINTS;
          findings.add(
              new GatewayFinding(
                  index,
                  code,
                  "error",
                  pointer,
                  "Service "
                      + service
                      + " has no ready endpoint in the EndpointSlices given: its "
                      + percent(share)
                      + " of rule "
                      + r
                      + "'s traffic gets 503.",
                  "Start ready Pods behind "
                      + service
                      + " (check its selector and readiness"
                      + " probes), or set its weight to 0 until it is ready.",
                  share));
        }
        if (code != null) {
          failing.put(
              List.of(index, r, b),
              Codes.NO_ENDPOINTS.equals(code) || AnalyzedRoute.GRPC_ROUTE.equals(route.kind())
                  ? 503
                  : 500);
        }
      }
    }
  }

  /**
   * Whether the Service lists ports and {@code port} is none of them. An ExternalName Service or
   * one given without ports is not judged: its ports are not known from the document.
   */
  private static boolean lacksPort(JsonNode service, Integer port) {
    JsonNode ports = service.path("spec").path("ports");
    if (port == null || externalName(service) || !ports.isArray() || ports.isEmpty()) {
      return false;
    }
    for (JsonNode entry : ports) {
      if (entry.path("port").isNumber() && entry.path("port").asInt() == port) {
        return false;
      }
    }
    return true;
  }

  private static String ports(JsonNode service) {
    List<String> ports = new ArrayList<>();
    for (JsonNode entry : service.path("spec").path("ports")) {
      ports.add(entry.path("port").asString("?"));
    }
    return String.join(", ", ports);
  }

  /**
   * A ReferenceGrant in {@code target} from routes of {@code kind} in {@code from} to the Service.
   */
  private boolean granted(String kind, String from, String target, String name) {
    for (JsonNode grant : context.referenceGrants()) {
      if (!target.equals(GatewayContext.namespaceOf(grant))) {
        continue;
      }
      boolean fromMatches = false;
      for (JsonNode entry : grant.path("spec").path("from")) {
        fromMatches |=
            RouteKinds.GROUP.equals(entry.path("group").asString(""))
                && kind.equals(entry.path("kind").asString(""))
                && from.equals(entry.path("namespace").asString(""));
      }
      boolean toMatches = false;
      for (JsonNode entry : grant.path("spec").path("to")) {
        toMatches |=
            entry.path("group").asString("").isEmpty()
                && "Service".equals(entry.path("kind").asString(""))
                && (!entry.path("name").isString() || name.equals(entry.path("name").asString()));
      }
      if (fromMatches && toMatches) {
        return true;
      }
    }
    return false;
  }

  JsonNode service(String namespace, String name) {
    for (JsonNode service : context.services()) {
      if (namespace.equals(GatewayContext.namespaceOf(service))
          && name.equals(GatewayContext.nameOf(service))) {
        return service;
      }
    }
    return null;
  }

  private static boolean externalName(JsonNode service) {
    return service != null && "ExternalName".equals(service.path("spec").path("type").asString(""));
  }

  /**
   * Endpoints of the Service's slices (label kubernetes.io/service-name) with addresses and not
   * marked unready; an unset {@code ready} condition counts as ready, as the EndpointSlice API asks
   * consumers to read it.
   */
  private int readyEndpoints(String namespace, String name) {
    int ready = 0;
    for (JsonNode slice : context.endpointSlices()) {
      if (!namespace.equals(GatewayContext.namespaceOf(slice))
          || !name.equals(
              slice
                  .path("metadata")
                  .path("labels")
                  .path("kubernetes.io/service-name")
                  .asString(""))) {
        continue;
      }
      for (JsonNode endpoint : slice.path("endpoints")) {
        JsonNode condition = endpoint.path("conditions").path("ready");
        if (endpoint.path("addresses").size() > 0
            && !(condition.isBoolean() && !condition.asBoolean())) {
          ready++;
        }
      }
    }
    return ready;
  }

  static String percent(double share) {
    double value = share * 100;
    return (value == Math.rint(value)
            ? String.valueOf((long) value)
            : String.format(Locale.ROOT, "%.2f", value))
        + "%";
  }

  /**
   * What an invalid backend's share gets: 500 (httproute_types.go, HTTPRouteRule.BackendRefs), and
   * for a GRPCRoute UNAVAILABLE (grpcroute_types.go, GRPCRouteRule.BackendRefs).
   */
  private static String invalidStatus(AnalyzedRoute route) {
    return AnalyzedRoute.GRPC_ROUTE.equals(route.kind()) ? "UNAVAILABLE (503)" : "500";
  }
}
