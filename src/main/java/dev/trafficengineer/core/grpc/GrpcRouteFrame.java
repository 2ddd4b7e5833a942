package dev.trafficengineer.core.grpc;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import java.util.List;

/**
 * What every generated GRPCRoute shares: name and namespace, the Gateway it attaches to, its
 * hostnames and the gRPC service/method its rules match. Validated once, at construction, with the
 * rules the GRPCRoute CRD's CEL validations apply.
 */
public final class GrpcRouteFrame {
  private static final String API_VERSION = "gateway.networking.k8s.io/v1";
  private static final String EXACT = "Exact";
  private static final String REGEX = "RegularExpression";

  private final String namespace;
  private final String name;
  private final String gateway;
  private final String gatewayNamespace;
  private final String sectionName;
  private final List<String> hostnames;
  private final GRPCMethodMatch method;

  public GrpcRouteFrame(
      String namespace,
      String name,
      String gateway,
      String gatewayNamespace,
      String sectionName,
      List<String> hostnames,
      GrpcMethodInput method) {
    this.namespace = InputRules.namespace("namespace", namespace);
    this.name = InputRules.subdomain("name", name);
    this.gateway = InputRules.subdomain("gateway", gateway);
    this.gatewayNamespace = InputRules.optionalLabel("gatewayNamespace", gatewayNamespace);
    this.sectionName = InputRules.optionalSubdomain("sectionName", sectionName);
    this.hostnames = InputRules.hostnames("hostnames", hostnames);
    this.method = method == null ? null : methodMatch("grpcMethod", method);
  }

  /** The route's metadata, parent and hostnames; the caller adds the rules. */
  public GRPCRouteBuilder route() {
    ParentReference parent =
        new ParentReferenceBuilder()
            .withName(gateway)
            .withNamespace(namespace.equals(gatewayNamespace) ? null : gatewayNamespace)
            .withSectionName(sectionName)
            .build();
    GRPCRouteBuilder builder =
        new GRPCRouteBuilder()
            .withApiVersion(API_VERSION)
            .withKind(RouteKind.GRPC_ROUTE.kind())
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
   * The matches of a rule on the frame's service/method. Without one, no matches: a GRPCRoute rule
   * without matches takes every request, so writing a match-all would restate the default.
   */
  public List<GRPCRouteMatch> matches() {
    return method == null
        ? List.of()
        : List.of(new GRPCRouteMatchBuilder().withMethod(method).build());
  }

  /** The frame's service/method, if any, and one header that must be present. */
  public List<GRPCRouteMatch> matches(String field, String name, String value, String type) {
    return List.of(
        new GRPCRouteMatchBuilder()
            .withMethod(method)
            .withHeaders(headerMatch(field, name, value, type))
            .build());
  }

  public static GRPCBackendRef backend(String service, int port, Integer weight) {
    return new GRPCBackendRefBuilder().withName(service).withPort(port).withWeight(weight).build();
  }

  static GRPCHeaderMatch headerMatch(String field, String name, String value, String type) {
    String checkedName = InputRules.headerName(field + ".name", name);
    String checkedValue = InputRules.headerValue(field + ".value", value);
    boolean regex = isRegex(field + ".type", type);
    if (regex) {
      InputRules.regex(field + ".value", checkedValue);
    }
    return new GRPCHeaderMatchBuilder()
        .withName(checkedName)
        .withType(regex ? REGEX : null)
        .withValue(checkedValue)
        .build();
  }

  /**
   * The CRD's rules for a method match: service or method (or both) set; with Exact, a dotted
   * protobuf service name and a method identifier; at most 1024 characters each.
   */
  static GRPCMethodMatch methodMatch(String field, GrpcMethodInput input) {
    boolean regex = isRegex(field + ".type", input.type());
    String service = emptyToNull(input.service());
    String method = emptyToNull(input.method());
    if (service == null && method == null) {
      throw new InvalidInputException(
          field, null, "needs a service, a method or both (the GRPCRoute CRD requires one)");
    }
    check(field + ".service", service, regex, true);
    check(field + ".method", method, regex, false);
    return new GRPCMethodMatchBuilder()
        .withService(service)
        .withMethod(method)
        .withType(regex ? REGEX : null)
        .build();
  }

  private static void check(String field, String value, boolean regex, boolean service) {
    if (value == null) {
      return;
    }
    if (value.length() > GrpcPatterns.MAX_LENGTH) {
      throw new InvalidInputException(field, value, "is longer than 1024 characters");
    }
    if (regex) {
      InputRules.regex(field, value);
    } else if (service && !GrpcPatterns.service(value)) {
      throw new InvalidInputException(
          field,
          value,
          "is not a gRPC service name (dotted identifiers such as com.example.User, matching"
              + " ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)");
    } else if (!service && !GrpcPatterns.method(value)) {
      throw new InvalidInputException(
          field,
          value,
          "is not a gRPC method name (one identifier such as Login, matching"
              + " ^[A-Za-z_][A-Za-z_0-9]*$)");
    }
  }

  private static boolean isRegex(String field, String type) {
    if (type == null || EXACT.equals(type)) {
      return false;
    }
    if (REGEX.equals(type)) {
      return true;
    }
    throw new InvalidInputException(field, type, "must be Exact or RegularExpression");
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
