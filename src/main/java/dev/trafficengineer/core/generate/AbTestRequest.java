package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.grpc.GrpcMethodInput;
import java.util.List;

/**
 * An A/B route: requests carrying {@code header} go to the test Service, everyone else to the
 * stable one.
 */
public record AbTestRequest(
    String namespace,
    String gateway,
    String stableService,
    String testService,
    Integer port,
    HeaderMatchInput header,
    String name,
    String pathPrefix,
    List<String> hostnames,
    String gatewayNamespace,
    String sectionName,
    String kind,
    GrpcMethodInput grpcMethod) {
  /** An HTTPRoute request: no kind, no gRPC match. */
  public AbTestRequest(
      String namespace,
      String gateway,
      String stableService,
      String testService,
      Integer port,
      HeaderMatchInput header,
      String name,
      String pathPrefix,
      List<String> hostnames,
      String gatewayNamespace,
      String sectionName) {
    this(
        namespace,
        gateway,
        stableService,
        testService,
        port,
        header,
        name,
        pathPrefix,
        hostnames,
        gatewayNamespace,
        sectionName,
        null,
        null);
  }
}
