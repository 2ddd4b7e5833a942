package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TE111 and TE114 on each filter of a list, for either route kind: a type is required and must be
 * one of the kind's, exactly its own configuration field is set, and the types that may appear once
 * per list appear once. What differs between HTTPRoute and GRPCRoute is only the {@link Kind}: the
 * filter types and their fields, which may not repeat, and how an unknown type is reported.
 */
final class FilterTypes {

  /**
   * One route kind's filters.
   *
   * @param configField each type and the field that carries its configuration, in schema order
   * @param unique the types a list may hold once
   * @param unknown the finding for an unknown type, with {@code %s} for it
   * @param unknownFix its fix
   */
  record Kind(
      Map<String, String> configField, Set<String> unique, String unknown, String unknownFix) {}

  static final Kind HTTP =
      new Kind(
          ordered(
              "RequestHeaderModifier", "requestHeaderModifier",
              "ResponseHeaderModifier", "responseHeaderModifier",
              "RequestMirror", "requestMirror",
              "RequestRedirect", "requestRedirect",
              "URLRewrite", "urlRewrite",
              "ExtensionRef", "extensionRef",
              "CORS", "cors"),
          Set.of(
              "CORS",
              "RequestHeaderModifier",
              "ResponseHeaderModifier",
              "RequestRedirect",
              "URLRewrite"),
          "Filter type \"%s\" is not a standard-channel filter (RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, RequestRedirect, URLRewrite, ExtensionRef, CORS); the API server rejects the route.",
          "Use one of the standard filter types, spelled exactly.");

  /** GRPCRoute has no redirect, rewrite or CORS filter. */
  static final Kind GRPC =
      new Kind(
          ordered(
              "ResponseHeaderModifier", "responseHeaderModifier",
              "RequestHeaderModifier", "requestHeaderModifier",
              "RequestMirror", "requestMirror",
              "ExtensionRef", "extensionRef"),
          Set.of("RequestHeaderModifier", "ResponseHeaderModifier"),
          "Filter type \"%s\" is not a GRPCRoute filter (ResponseHeaderModifier, RequestHeaderModifier, RequestMirror, ExtensionRef); the API server rejects the route.",
          "Use one of the GRPCRoute filter types, spelled exactly; redirects and URL rewrites"
              + " exist only on HTTPRoutes.");

  private FilterTypes() {}

  private static Map<String, String> ordered(String... typesAndFields) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < typesAndFields.length; i += 2) {
      fields.put(typesAndFields[i], typesAndFields[i + 1]);
    }
    return Collections.unmodifiableMap(fields);
  }

  /** Checks every filter of {@code list}; returns the known types it holds. */
  static Set<String> check(FilterList list, Kind kind, Findings findings) {
    Set<String> types = new HashSet<>();
    for (Located filter : list.filters()) {
      String type = filter(filter, kind, findings);
      if (type != null && !types.add(type) && kind.unique().contains(type)) {
        findings.error(
            Codes.FILTER,
            filter.pointer() + "/type",
            "%s filter cannot be repeated: the API server rejects the route.".formatted(type),
            "Merge both %s filters into one.".formatted(type));
      }
    }
    return types;
  }

  /** Checks one filter and returns its type, or null when it has none that is known. */
  private static String filter(Located filter, Kind kind, Findings findings) {
    JsonNode node = filter.node();
    if (!node.isObject()) {
      return null;
    }
    String type = Tree.text(node, "type");
    if (type == null) {
      if (!Tree.has(node, "type")) {
        findings.error(
            Codes.FILTER,
            filter.pointer(),
            "This filter has no type, which is required; the API server rejects the route.",
            "Add type:, e.g. RequestHeaderModifier, and its matching configuration field.");
      }
      return null;
    }
    Map<String, String> configField = kind.configField();
    if (!configField.containsKey(type)) {
      findings.error(
          Codes.ENUM,
          filter.pointer() + "/type",
          kind.unknown().formatted(SchemaCheck.abbreviate(type)),
          kind.unknownFix());
      return null;
    }
    for (Map.Entry<String, String> config : configField.entrySet()) {
      String field = config.getValue();
      boolean present = Tree.has(node, field);
      if (config.getKey().equals(type) && !present) {
        findings.error(
            Codes.FILTER,
            filter.pointer(),
            "filter.%s must be specified for %s filter.type.".formatted(field, type),
            "Add %s: with the filter's configuration.".formatted(field));
      } else if (!config.getKey().equals(type) && present) {
        findings.error(
            Codes.FILTER,
            filter.pointer() + "/" + field,
            "filter.%s must be nil if the filter.type is not %s.".formatted(field, config.getKey()),
            "Move this configuration under %s:, or set type: %s."
                .formatted(configField.get(type), config.getKey()));
      }
    }
    FilterConfigCheck.check(filter, type, findings);
    return type;
  }
}
