package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.grpc.GrpcPatterns;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TE115, TE109, TE114 and TE304 for GRPCRoute matches: the CRD's CEL rules on a method match (one
 * of service or method; with Exact, a protobuf service name and a method identifier; at most 1024
 * characters) and the header match rules, which are the HTTPRoute's.
 */
final class GrpcMatchCheck {
  private static final Set<String> TYPES = Set.of("Exact", "RegularExpression");
  private static final int MAX_HEADER_VALUE = 4096;

  private GrpcMatchCheck() {}

  static void check(JsonNode route, Findings findings) {
    for (Located rule : RouteParts.rules(route)) {
      for (Located match : RouteParts.located(rule.node(), rule.pointer(), "matches")) {
        JsonNode method = Tree.object(match.node(), "method");
        if (method != null) {
          method(method, match.pointer() + "/method", findings);
        }
        MatchCheck.values(match, "headers", MAX_HEADER_VALUE, findings);
      }
    }
  }

  private static void method(JsonNode method, String pointer, Findings findings) {
    String type = Tree.text(method, "type");
    if (type != null && !TYPES.contains(type)) {
      findings.error(
          Codes.ENUM,
          pointer + "/type",
          "The gRPC method match type \"%s\" is not Exact or RegularExpression; the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(type)),
          "Use type: Exact (the default) or type: RegularExpression.");
      return;
    }
    boolean regex = "RegularExpression".equals(type);
    String service = Tree.text(method, "service");
    String name = Tree.text(method, "method");
    if (!Tree.has(method, "service") && !Tree.has(method, "method")) {
      // The type defaults to Exact before CEL runs, so the rule applies to every method match.
      findings.error(
          Codes.GRPC_METHOD,
          pointer,
          "One or both of 'service' or 'method' must be specified; the API server rejects the route.",
          "Add service: (e.g. com.example.User) and/or method: (e.g. Login), or remove method: to"
              + " match every call.");
      return;
    }
    if (regex) {
      findings.info(
          Codes.REGEX,
          pointer + "/type",
          "A RegularExpression gRPC method match: its syntax and precedence are implementation-specific, so the same route can match differently on another Gateway.",
          "Prefer type: Exact with the precise service and method where possible.");
    }
    value(pointer + "/service", service, regex, true, findings);
    value(pointer + "/method", name, regex, false, findings);
  }

  private static void value(
      String pointer, String value, boolean regex, boolean service, Findings findings) {
    if (value == null) {
      return;
    }
    String field = service ? "service" : "method";
    if (Tree.length(value) > GrpcPatterns.MAX_LENGTH) {
      findings.error(
          Codes.GRPC_METHOD,
          pointer,
          "The gRPC %s is %d characters long; the API server allows at most 1024."
              .formatted(field, Tree.length(value)),
          "Shorten it, or match a part of it with type: RegularExpression.");
      return;
    }
    if (regex) {
      return;
    }
    if (service && !GrpcPatterns.service(value)) {
      findings.error(
          Codes.GRPC_METHOD,
          pointer,
          "service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$): \"%s\" is not a dotted protobuf service name; the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(value)),
          value.isEmpty()
              ? "Remove service: to match any service."
              : "Write the fully qualified service, e.g. com.example.User, without a method or"
                  + " slashes; for a pattern use type: RegularExpression.");
    } else if (!service && !GrpcPatterns.method(value)) {
      findings.error(
          Codes.GRPC_METHOD,
          pointer,
          "method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$): \"%s\" is not a method name; the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(value)),
          value.isEmpty()
              ? "Remove method: to match every method of the service."
              : "Write the method alone, e.g. Login, with the service in service:; for a pattern"
                  + " use type: RegularExpression.");
    }
  }
}
