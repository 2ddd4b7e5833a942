package dev.trafficengineer.core.grpc;

import dev.trafficengineer.core.input.InvalidInputException;

/** Which Gateway API route a request is about: HTTPRoute unless GRPCRoute is asked for. */
public enum RouteKind {
  HTTP_ROUTE("HTTPRoute"),
  GRPC_ROUTE("GRPCRoute");

  private final String kind;

  RouteKind(String kind) {
    this.kind = kind;
  }

  /** The resource kubectl names it by: {@code httproute} or {@code grpcroute}. */
  public String resource() {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** The Kubernetes kind, as written in a route's {@code kind} field. */
  public String kind() {
    return kind;
  }

  /** {@code null} is HTTPRoute; anything other than the two kinds is refused, naming the field. */
  public static RouteKind of(String field, String value) {
    if (value == null || HTTP_ROUTE.kind.equals(value)) {
      return HTTP_ROUTE;
    }
    if (GRPC_ROUTE.kind.equals(value)) {
      return GRPC_ROUTE;
    }
    throw new InvalidInputException(field, value, "must be HTTPRoute or GRPCRoute");
  }

  /** The kind of a route this tool wrote: its top-level {@code kind:} line says it. */
  public static RouteKind ofWritten(String yaml) {
    return yaml != null && yaml.contains("\nkind: GRPCRoute\n") ? GRPC_ROUTE : HTTP_ROUTE;
  }
}
