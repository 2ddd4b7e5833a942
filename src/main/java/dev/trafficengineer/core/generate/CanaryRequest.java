package dev.trafficengineer.core.generate;

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
    HeaderMatchInput protectHeader) {}
