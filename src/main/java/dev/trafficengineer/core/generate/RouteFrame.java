package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import java.util.List;

/**
 * What every generated route shares: its name and namespace, the Gateway it attaches to, its
 * hostnames and the path prefix its rules match. Validated once, at construction.
 */
final class RouteFrame {
  static final String DEFAULT_PATH_PREFIX = "/";
  private static final String API_VERSION = "gateway.networking.k8s.io/v1";

  final String namespace;
  final String name;
  private final String gateway;
  private final String gatewayNamespace;
  private final String sectionName;
  private final List<String> hostnames;
  private final String pathPrefix;

  RouteFrame(
      String namespace,
      String name,
      String gateway,
      String gatewayNamespace,
      String sectionName,
      List<String> hostnames,
      String pathPrefix) {
    this.namespace = InputRules.namespace("namespace", namespace);
    this.name = InputRules.subdomain("name", name);
    this.gateway = InputRules.subdomain("gateway", gateway);
    this.gatewayNamespace = InputRules.optionalLabel("gatewayNamespace", gatewayNamespace);
    this.sectionName = InputRules.optionalSubdomain("sectionName", sectionName);
    this.hostnames = InputRules.hostnames("hostnames", hostnames);
    this.pathPrefix =
        InputRules.pathPrefix("pathPrefix", pathPrefix == null ? DEFAULT_PATH_PREFIX : pathPrefix);
  }

  /** The route's metadata, parent and hostnames; the caller adds the rules. */
  HTTPRouteBuilder route() {
    ParentReference parent =
        new ParentReferenceBuilder()
            .withName(gateway)
            .withNamespace(namespace.equals(gatewayNamespace) ? null : gatewayNamespace)
            .withSectionName(sectionName)
            .build();
    HTTPRouteBuilder builder =
        new HTTPRouteBuilder()
            .withApiVersion(API_VERSION)
            .withKind("HTTPRoute")
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withNewSpec()
            .withParentRefs(parent)
            .endSpec();
    if (!hostnames.isEmpty()) {
      builder.editSpec().withHostnames(hostnames).endSpec();
    }
    return builder;
  }

  /**
   * The matches of a rule on the route's path prefix, optionally with one header. A prefix of
   * {@code /} without a header is what an HTTPRoute assumes anyway, so it is left out.
   */
  List<HTTPRouteMatch> matches() {
    return matches(null, null);
  }

  List<HTTPRouteMatch> matches(String field, HeaderMatchInput header) {
    if (DEFAULT_PATH_PREFIX.equals(pathPrefix) && header == null) {
      return List.of();
    }
    HTTPRouteMatchBuilder match = new HTTPRouteMatchBuilder();
    if (!DEFAULT_PATH_PREFIX.equals(pathPrefix)) {
      match.withNewPath().withType("PathPrefix").withValue(pathPrefix).endPath();
    }
    if (header != null) {
      match.withHeaders(headerMatch(field, header));
    }
    return List.of(match.build());
  }

  static HTTPBackendRef backend(String service, int port, Integer weight) {
    return new HTTPBackendRefBuilder().withName(service).withPort(port).withWeight(weight).build();
  }

  static HTTPHeaderMatch headerMatch(String field, HeaderMatchInput header) {
    if (header == null) {
      throw InvalidInputException.missing(field);
    }
    String name = InputRules.headerName(field + ".name", header.name());
    String value = InputRules.headerValue(field + ".value", header.value());
    String type = header.type() == null ? "Exact" : header.type();
    switch (type) {
      case "Exact" -> {}
      case "RegularExpression" -> InputRules.regex(field + ".value", value);
      default ->
          throw new InvalidInputException(
              field + ".type", type, "must be Exact or RegularExpression");
    }
    return new HTTPHeaderMatchBuilder()
        .withName(name)
        .withType("Exact".equals(type) ? null : type)
        .withValue(value)
        .build();
  }

  /** {@code task-api-stable} with suffix {@code -stable} gives {@code task-api}. */
  static String baseName(String service, String suffix) {
    return service.endsWith(suffix) && service.length() > suffix.length()
        ? service.substring(0, service.length() - suffix.length())
        : service;
  }
}
