package dev.trafficengineer.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Where a generated route lives and what it matches: the same for every route generator. */
final class RouteOptions {
  @Option(
      names = {"-n", "--namespace"},
      required = true,
      description = "Namespace of the route and its Services.")
  String namespace;

  @Option(names = "--gateway", required = true, description = "Gateway the route attaches to.")
  String gateway;

  @Option(names = "--port", required = true, description = "Service port (1 to 65535).")
  Integer port;

  @Option(names = "--name", description = "HTTPRoute name (default derived from the Services).")
  String name;

  @Option(names = "--path-prefix", description = "Path prefix the route matches (default /).")
  String pathPrefix;

  @Option(
      names = "--hostname",
      paramLabel = "<hostname>",
      description = "Hostname the route serves; repeat for several (default: the Gateway's).")
  List<String> hostnames;

  @Option(
      names = "--gateway-namespace",
      description = "Namespace of the Gateway when it differs from the route's.")
  String gatewayNamespace;

  @Option(names = "--section-name", description = "Gateway listener to attach to.")
  String sectionName;
}
