package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.grpc.GrpcMethodInput;
import java.util.List;

/**
 * A staged canary rollout. {@code stages} are canary percentages in increasing order (default 5,
 * 25, 50, 100); {@code canaryWeight}, when given without stages, is where the rollout starts.
 * {@code routeYaml}, the route as it is now, is only read for what the plan must warn about (pinned
 * sessions). {@code kind} GRPCRoute plans a GRPCRoute whose rules match {@code grpcMethod}, as
 * {@link CanaryRequest} does.
 */
public record RolloutRequest(
    String namespace,
    String gateway,
    String stableService,
    String canaryService,
    Integer port,
    List<Integer> stages,
    Integer canaryWeight,
    String name,
    String pathPrefix,
    List<String> hostnames,
    String gatewayNamespace,
    String sectionName,
    HeaderMatchInput protectHeader,
    String routeYaml,
    String kind,
    GrpcMethodInput grpcMethod) {

  /** An HTTPRoute plan. */
  public RolloutRequest(
      String namespace,
      String gateway,
      String stableService,
      String canaryService,
      Integer port,
      List<Integer> stages,
      Integer canaryWeight,
      String name,
      String pathPrefix,
      List<String> hostnames,
      String gatewayNamespace,
      String sectionName,
      HeaderMatchInput protectHeader,
      String routeYaml) {
    this(
        namespace,
        gateway,
        stableService,
        canaryService,
        port,
        stages,
        canaryWeight,
        name,
        pathPrefix,
        hostnames,
        gatewayNamespace,
        sectionName,
        protectHeader,
        routeYaml,
        null,
        null);
  }

  /** Without the current route. */
  public RolloutRequest(
      String namespace,
      String gateway,
      String stableService,
      String canaryService,
      Integer port,
      List<Integer> stages,
      Integer canaryWeight,
      String name,
      String pathPrefix,
      List<String> hostnames,
      String gatewayNamespace,
      String sectionName,
      HeaderMatchInput protectHeader) {
    this(
        namespace,
        gateway,
        stableService,
        canaryService,
        port,
        stages,
        canaryWeight,
        name,
        pathPrefix,
        hostnames,
        gatewayNamespace,
        sectionName,
        protectHeader,
        null);
  }
}
