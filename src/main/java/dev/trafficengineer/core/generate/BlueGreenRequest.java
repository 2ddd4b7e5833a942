package dev.trafficengineer.core.generate;

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
    String sectionName) {}
