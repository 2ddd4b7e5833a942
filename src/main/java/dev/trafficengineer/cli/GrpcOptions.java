package dev.trafficengineer.cli;

import dev.trafficengineer.core.grpc.GrpcMethodInput;
import dev.trafficengineer.core.grpc.RouteKind;
import picocli.CommandLine.Option;

/** {@code --kind grpc} and the gRPC service/method a GRPCRoute's rules match. */
final class GrpcOptions {
  @Option(
      names = "--kind",
      paramLabel = "<kind>",
      description = "http (default, an HTTPRoute) or grpc (a GRPCRoute).")
  String kind;

  @Option(
      names = "--grpc-service",
      paramLabel = "<service>",
      description = "GRPCRoute: gRPC service the rules match, e.g. com.example.User.")
  String service;

  @Option(
      names = "--grpc-method",
      paramLabel = "<method>",
      description = "GRPCRoute: gRPC method the rules match, e.g. Login.")
  String method;

  @Option(
      names = "--grpc-match-type",
      paramLabel = "<type>",
      description = "GRPCRoute: Exact (default) or RegularExpression for service and method.")
  String type;

  /** The kind as the core names it: {@code grpc} and {@code http} are the command-line words. */
  static String kind(GrpcOptions options) {
    return options == null ? null : kind(options.kind);
  }

  /** {@code grpc} and {@code http} as the core names them; null stays null. */
  static String kind(String word) {
    if (word == null) {
      return null;
    }
    return switch (word) {
      case "grpc" -> RouteKind.GRPC_ROUTE.kind();
      case "http" -> RouteKind.HTTP_ROUTE.kind();
      default -> word;
    };
  }

  /** Null when no gRPC match flag was given; core decides what that means. */
  static GrpcMethodInput method(GrpcOptions options) {
    if (options == null
        || (options.service == null && options.method == null && options.type == null)) {
      return null;
    }
    return new GrpcMethodInput(options.service, options.method, options.type);
  }
}
