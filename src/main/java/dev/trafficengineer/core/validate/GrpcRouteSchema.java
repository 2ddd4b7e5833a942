package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.HttpRouteSchema.fields;
import static dev.trafficengineer.core.validate.HttpRouteSchema.list;
import static dev.trafficengineer.core.validate.HttpRouteSchema.ordered;
import static dev.trafficengineer.core.validate.HttpRouteSchema.text;

import dev.trafficengineer.core.validate.Shape.Any;
import dev.trafficengineer.core.validate.Shape.Fields;
import dev.trafficengineer.core.validate.Shape.ListOf;
import java.util.Set;

/**
 * The fields of a standard-channel GRPCRoute (gateway.networking.k8s.io v1, Gateway API v1.6.1):
 * matches carry a gRPC method and headers instead of a path, method, headers and query parameters;
 * filters are the four of GRPCRouteFilter; rules have no timeouts. Parent refs, header modifiers,
 * object refs and metadata are the HTTPRoute's.
 */
final class GrpcRouteSchema {

  private static final Shape METHOD_MATCH =
      fields(
          "gRPC method match",
          "type",
          text(Codes.ENUM),
          "service",
          text(Codes.GRPC_METHOD),
          "method",
          text(Codes.GRPC_METHOD));

  private static final Shape MATCH =
      fields("gRPC match", "method", METHOD_MATCH, "headers", list(HttpRouteSchema.HEADER_MATCH));

  private static final Shape FILTER =
      fields(
          "gRPC filter",
          "type",
          text(Codes.ENUM),
          "requestHeaderModifier",
          HttpRouteSchema.HEADER_MODIFIER,
          "responseHeaderModifier",
          HttpRouteSchema.HEADER_MODIFIER,
          "requestMirror",
          HttpRouteSchema.REQUEST_MIRROR,
          "extensionRef",
          HttpRouteSchema.EXTENSION_REF);

  private static final Shape BACKEND_REF = HttpRouteSchema.backendRef("gRPC backendRef", FILTER);

  private static final Shape RULE =
      new Fields(
          "gRPC rule",
          ordered(
              "name", text(Codes.NAME),
              "matches", list(MATCH),
              "filters", list(FILTER),
              "backendRefs", list(BACKEND_REF)),
          Set.of("sessionPersistence"));

  /** The whole document. */
  static final Shape ROUTE =
      fields(
          "GRPCRoute",
          "apiVersion",
          text(Codes.KIND),
          "kind",
          text(Codes.KIND),
          "metadata",
          HttpRouteSchema.METADATA,
          "spec",
          new Fields(
              "spec",
              ordered(
                  "parentRefs", list(HttpRouteSchema.PARENT_REF),
                  "hostnames", new ListOf(text(Codes.HOSTNAME), Codes.HOSTNAME),
                  "rules", list(RULE)),
              Set.of("useDefaultGateways")),
          "status",
          new Any());

  private GrpcRouteSchema() {}
}
