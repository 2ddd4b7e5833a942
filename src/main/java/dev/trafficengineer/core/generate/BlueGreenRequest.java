package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.grpc.GrpcMethodInput;
import java.util.List;

/**
 * A blue-green route: both Services stay in the route, the {@code active} one ({@code blue} or
 * {@code green}) at weight 100 and the idle one at 0, so a switch is a change of two weights.
 */
public record BlueGreenRequest(
    String namespace,
    String gateway,
    String blueService,
    String greenService,
    Integer port,
    String active,
    String name,
    String pathPrefix,
    List<String> hostnames,
    String gatewayNamespace,
    String sectionName,
    String kind,
    GrpcMethodInput grpcMethod) {
  /** An HTTPRoute request: no kind, no gRPC match. */
  public BlueGreenRequest(
      String namespace,
      String gateway,
      String blueService,
      String greenService,
      Integer port,
      String active,
      String name,
      String pathPrefix,
      List<String> hostnames,
      String gatewayNamespace,
      String sectionName) {
    this(
        namespace,
        gateway,
        blueService,
        greenService,
        port,
        active,
        name,
        pathPrefix,
        hostnames,
        gatewayNamespace,
        sectionName,
        null,
        null);
  }
}
