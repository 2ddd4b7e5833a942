package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.Shape.Any;
import dev.trafficengineer.core.validate.Shape.Fields;
import dev.trafficengineer.core.validate.Shape.ListOf;
import dev.trafficengineer.core.validate.Shape.MapOf;
import dev.trafficengineer.core.validate.Shape.Scalar;
import dev.trafficengineer.core.validate.Shape.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a standard-channel HTTPRoute (gateway.networking.k8s.io v1 and v1beta1, Gateway API
 * v1.6.1), written down as data so that {@link SchemaCheck} can find unknown fields at any depth.
 */
final class HttpRouteSchema {

  private static final Shape ANY = new Any();

  static final Shape PARENT_REF =
      fields(
          "parentRef",
          "group",
          text(Codes.NAME),
          "kind",
          text(Codes.NAME),
          "namespace",
          text(Codes.NAME),
          "name",
          text(Codes.NAME),
          "sectionName",
          text(Codes.NAME),
          "port",
          integer(Codes.PORT));

  static final Shape HEADER_MATCH =
      fields(
          "header match",
          "type",
          text(Codes.ENUM),
          "name",
          text(Codes.MATCH),
          "value",
          text(Codes.MATCH));

  private static final Shape QUERY_MATCH =
      fields(
          "query parameter match",
          "type",
          text(Codes.ENUM),
          "name",
          text(Codes.MATCH),
          "value",
          text(Codes.MATCH));

  private static final Shape MATCH =
      fields(
          "match",
          "path",
          fields("path match", "type", text(Codes.ENUM), "value", text(Codes.PATH)),
          "headers",
          list(HEADER_MATCH),
          "queryParams",
          list(QUERY_MATCH),
          "method",
          text(Codes.ENUM));

  private static final Shape HEADER_VALUE =
      fields("header", "name", text(Codes.FILTER), "value", text(Codes.FILTER));

  static final Shape HEADER_MODIFIER =
      fields(
          "header modifier",
          "set",
          list(HEADER_VALUE),
          "add",
          list(HEADER_VALUE),
          "remove",
          new ListOf(text(Codes.FILTER), Codes.SCHEMA));

  private static final Shape PATH_MODIFIER =
      fields(
          "path modifier",
          "type",
          text(Codes.ENUM),
          "replaceFullPath",
          text(Codes.PATH),
          "replacePrefixMatch",
          text(Codes.PATH));

  static final Shape OBJECT_REF =
      fields(
          "backendRef",
          "group",
          text(Codes.NAME),
          "kind",
          text(Codes.NAME),
          "name",
          text(Codes.NAME),
          "namespace",
          text(Codes.NAME),
          "port",
          integer(Codes.PORT));

  /** The requestMirror filter, the same in HTTPRoute and GRPCRoute. */
  static final Shape REQUEST_MIRROR =
      fields(
          "requestMirror",
          "backendRef",
          OBJECT_REF,
          "percent",
          integer(Codes.FILTER),
          "fraction",
          fields(
              "fraction",
              "numerator",
              integer(Codes.FILTER),
              "denominator",
              integer(Codes.FILTER)));

  /** The extensionRef filter, the same in HTTPRoute and GRPCRoute. */
  static final Shape EXTENSION_REF =
      fields(
          "extensionRef",
          "group",
          text(Codes.NAME),
          "kind",
          text(Codes.NAME),
          "name",
          text(Codes.NAME));

  private static final Shape FILTER =
      new Fields(
          "filter",
          ordered(
              "type",
              text(Codes.ENUM),
              "requestHeaderModifier",
              HEADER_MODIFIER,
              "responseHeaderModifier",
              HEADER_MODIFIER,
              "requestMirror",
              REQUEST_MIRROR,
              "requestRedirect",
              fields(
                  "requestRedirect",
                  "scheme",
                  text(Codes.ENUM),
                  "hostname",
                  text(Codes.HOSTNAME),
                  "path",
                  PATH_MODIFIER,
                  "port",
                  integer(Codes.PORT),
                  "statusCode",
                  integer(Codes.ENUM)),
              "urlRewrite",
              fields("urlRewrite", "hostname", text(Codes.HOSTNAME), "path", PATH_MODIFIER),
              "extensionRef",
              EXTENSION_REF,
              "cors",
              fields(
                  "cors",
                  "allowOrigins",
                  strings(Codes.FILTER),
                  "allowCredentials",
                  new Scalar(Type.BOOLEAN, Codes.FILTER),
                  "allowMethods",
                  strings(Codes.FILTER),
                  "allowHeaders",
                  strings(Codes.FILTER),
                  "exposeHeaders",
                  strings(Codes.FILTER),
                  "maxAge",
                  integer(Codes.FILTER))),
          Set.of("externalAuth"));

  private static final Shape BACKEND_REF = backendRef("backendRef", FILTER);

  private static final Shape RULE =
      new Fields(
          "rule",
          ordered(
              "name", text(Codes.NAME),
              "matches", list(MATCH),
              "filters", list(FILTER),
              "backendRefs", list(BACKEND_REF),
              "timeouts",
                  fields(
                      "timeouts",
                      "request",
                      text(Codes.TIMEOUT),
                      "backendRequest",
                      text(Codes.TIMEOUT))),
          Set.of("retry", "sessionPersistence"));

  static final Shape METADATA =
      new Fields(
          "metadata",
          ordered(
              "name", text(Codes.NAME),
              "generateName", text(Codes.NAME),
              "namespace", text(Codes.NAME),
              "labels", new MapOf(text(Codes.SCHEMA)),
              "annotations", new MapOf(text(Codes.SCHEMA)),
              "uid", text(Codes.SCHEMA),
              "resourceVersion", text(Codes.SCHEMA),
              "generation", integer(Codes.SCHEMA),
              "creationTimestamp", ANY,
              "deletionTimestamp", ANY,
              "deletionGracePeriodSeconds", integer(Codes.SCHEMA),
              "selfLink", text(Codes.SCHEMA),
              "finalizers", strings(Codes.SCHEMA),
              "ownerReferences", ANY,
              "managedFields", ANY),
          Set.of());

  /** The whole document. */
  static final Shape ROUTE =
      fields(
          "HTTPRoute",
          "apiVersion",
          text(Codes.KIND),
          "kind",
          text(Codes.KIND),
          "metadata",
          METADATA,
          "spec",
          fields(
              "spec",
              "parentRefs",
              list(PARENT_REF),
              "hostnames",
              new ListOf(text(Codes.HOSTNAME), Codes.HOSTNAME),
              "rules",
              list(RULE)),
          "status",
          ANY);

  private HttpRouteSchema() {}

  /**
   * A weighted backendRef with its own filters: {@code filter} is the route kind's filter shape,
   * {@code name} how findings call it.
   */
  static Shape backendRef(String name, Shape filter) {
    return fields(
        name,
        "group",
        text(Codes.NAME),
        "kind",
        text(Codes.NAME),
        "name",
        text(Codes.NAME),
        "namespace",
        text(Codes.NAME),
        "port",
        integer(Codes.PORT),
        "weight",
        integer(Codes.WEIGHT),
        "filters",
        list(filter));
  }

  static Shape text(String code) {
    return new Scalar(Type.STRING, code);
  }

  static Shape integer(String code) {
    return new Scalar(Type.INTEGER, code);
  }

  private static Shape strings(String code) {
    return new ListOf(text(code), code);
  }

  static Shape list(Shape item) {
    return new ListOf(item, Codes.SCHEMA);
  }

  static Shape fields(String name, Object... namesAndShapes) {
    return new Fields(name, ordered(namesAndShapes), Set.of());
  }

  static Map<String, Shape> ordered(Object... namesAndShapes) {
    Map<String, Shape> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndShapes.length; i += 2) {
      fields.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
    }
    return Collections.unmodifiableMap(fields);
  }
}
