package dev.trafficengineer.core.generate;

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
    String sectionName) {}
