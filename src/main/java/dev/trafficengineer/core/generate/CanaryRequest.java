package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.grpc.GrpcMethodInput;
import java.util.List;

/**
 * A canary route: {@code canaryWeight} percent of the traffic to the canary Service, the rest to
 * the stable one. When {@code stableWeight} is given too, both are Gateway API weights (0 to
 * 1,000,000) and the split is proportional. {@code protectHeader} adds a first rule that keeps
 * requests carrying that header on the stable Service.
 */
public record CanaryRequest(
    String namespace,
    String gateway,
    String stableService,
    String canaryService,
    Integer port,
    Integer canaryWeight,
    Integer stableWeight,
    String name,
    String pathPrefix,
    List<String> hostnames,
    String gatewayNamespace,
    String sectionName,
    HeaderMatchInput protectHeader,
    String kind,
    GrpcMethodInput grpcMethod) {
  /** An HTTPRoute request: no kind, no gRPC match. */
  public CanaryRequest(
      String namespace,
      String gateway,
      String stableService,
      String canaryService,
      Integer port,
      Integer canaryWeight,
      Integer stableWeight,
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
        canaryWeight,
        stableWeight,
        name,
        pathPrefix,
        hostnames,
        gatewayNamespace,
        sectionName,
        protectHeader,
        null,
        null);
  }
}
