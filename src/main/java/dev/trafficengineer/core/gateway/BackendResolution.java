package dev.trafficengineer.core.gateway;

import dev.trafficengineer.core.precedence.Backends;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What happens to the share of traffic each Service backendRef gets (httproute_types.go,
 * HTTPBackendRef): a reference to a Service that does not exist (TE505) or to another namespace
 * without a ReferenceGrant there that allows it (TE506) is invalid and its share gets a 500; a
 * Service with no ready endpoint (TE507) SHOULD answer its share with a 503. Backends of other
 * kinds are not judged.
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
      HTTPRoute route,
      String namespace,
      List<GatewayFinding> findings,
      Map<List<Integer>, Integer> failing) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    for (int r = 0; rules != null && r < rules.size(); r++) {
      List<HTTPBackendRef> refs = Backends.of(rules.get(r));
      long total = refs.stream().mapToLong(Backends::weight).sum();
      for (int b = 0; b < refs.size(); b++) {
        HTTPBackendRef ref = refs.get(b);
        if (!isService(ref) || ref.getName() == null) {
          continue;
        }
        String pointer = "/spec/rules/" + r + "/backendRefs/" + b;
        double share = total == 0 ? 0 : (double) Backends.weight(ref) / total;
        String target = (ref.getNamespace() == null ? namespace : ref.getNamespace());
        String service = target + "/" + ref.getName();
        String code = null;
        if (!target.equals(namespace) && !granted(namespace, target, ref.getName())) {
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
                      + " allows HTTPRoutes from "
                      + namespace
                      + " to reach it: the reference is not permitted (RefNotPermitted) and its "
                      + percent(share)
                      + " of rule "
                      + r
                      + "'s traffic gets 500.",
                  "Add a ReferenceGrant in namespace "
                      + target
                      + " with from {group: gateway.networking.k8s.io, kind: HTTPRoute,"
                      + " namespace: "
                      + namespace
                      + "} and to {group: \"\", kind: Service, name: "
                      + ref.getName()
                      + "}, or use a Service in "
                      + namespace
                      + ".",
                  share));
        } else if (!context.services().isEmpty() && service(target, ref.getName()) == null) {
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
                      + "'s traffic gets 500.",
                  "Add the Service " + service + " or correct the backendRef's name and namespace.",
                  share));
        } else if (!context.endpointSlices().isEmpty()
            && readyEndpoints(target, ref.getName()) == 0
            && !externalName(target, ref.getName())) {
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
          failing.put(List.of(index, r, b), Codes.NO_ENDPOINTS.equals(code) ? 503 : 500);
        }
      }
    }
  }

  static boolean isService(HTTPBackendRef ref) {
    return (ref.getGroup() == null || ref.getGroup().isEmpty())
        && (ref.getKind() == null || "Service".equals(ref.getKind()));
  }

  /** A ReferenceGrant in {@code target} from HTTPRoutes of {@code from} to this Service. */
  private boolean granted(String from, String target, String name) {
    for (JsonNode grant : context.referenceGrants()) {
      if (!target.equals(GatewayContext.namespaceOf(grant))) {
        continue;
      }
      boolean fromMatches = false;
      for (JsonNode entry : grant.path("spec").path("from")) {
        fromMatches |=
            RouteKinds.GROUP.equals(entry.path("group").asString(""))
                && "HTTPRoute".equals(entry.path("kind").asString(""))
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

  private boolean externalName(String namespace, String name) {
    JsonNode service = service(namespace, name);
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
}
