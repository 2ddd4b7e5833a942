package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import tools.jackson.databind.JsonNode;

/** TE110: route hostnames, and the precise hostnames of redirects and rewrites. */
final class HostnameCheck {

  private HostnameCheck() {}

  static void check(JsonNode route, Findings findings) {
    for (Located host : RouteParts.located(RouteParts.spec(route), "/spec", "hostnames")) {
      if (!host.node().isString()) {
        continue;
      }
      String name = host.node().asString();
      if (!GatewayPatterns.hostname(name)) {
        findings.error(
            Codes.HOSTNAME,
            host.pointer(),
            "Hostname \"%s\" is not a valid hostname: lower-case DNS labels, optionally starting with \"*.\", at most 253 characters, no scheme, port or path; the API server rejects the route."
                .formatted(SchemaCheck.abbreviate(name)),
            "Write only the host, e.g. api.example.com or *.example.com.");
      } else if (isIpAddress(name)) {
        // The CRD's pattern accepts it (digits are DNS label characters); only the spec's prose
        // forbids it, so it is a warning, not a rejection.
        findings.warning(
            Codes.HOSTNAME,
            host.pointer(),
            "Hostname \"%s\" is an IP address; the API server accepts it, but the Gateway API does not allow IP addresses as route hostnames, so requests by IP are not matched as intended."
                .formatted(name),
            "Use the DNS name clients send in the Host header, or omit hostnames to match any.");
      }
    }
    for (FilterList list : RouteParts.filterLists(route)) {
      for (Located filter : list.filters()) {
        precise(filter, "requestRedirect", findings);
        precise(filter, "urlRewrite", findings);
      }
    }
  }

  private static void precise(Located filter, String type, Findings findings) {
    String host = Tree.text(Tree.object(filter.node(), type), "hostname");
    if (host != null && !GatewayPatterns.preciseHostname(host)) {
      findings.error(
          Codes.HOSTNAME,
          filter.pointer() + "/" + type + "/hostname",
          "The %s hostname \"%s\" must be a precise hostname (lower-case DNS name, no wildcard, port or scheme); the API server rejects the route."
              .formatted(type, SchemaCheck.abbreviate(host)),
          "Write the exact host to send requests to, e.g. www.example.com.");
    }
  }

  private static boolean isIpAddress(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
