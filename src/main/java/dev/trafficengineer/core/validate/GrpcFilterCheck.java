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
 * TE111 and TE114 for GRPCRoute filters: the four GRPCRouteFilter types of the standard channel,
 * each with exactly its own configuration field, and the two header modifiers not repeated in one
 * list. GRPCRoute has no redirect or rewrite, so the HTTPRoute combination rules do not apply.
 */
final class GrpcFilterCheck {

  /** Each filter type and the field that carries its configuration, in schema order. */
  private static final Map<String, String> CONFIG_FIELD = configFields();

  private static final Set<String> UNIQUE =
      Set.of("RequestHeaderModifier", "ResponseHeaderModifier");

  private GrpcFilterCheck() {}

  private static Map<String, String> configFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ResponseHeaderModifier", "responseHeaderModifier");
    fields.put("RequestHeaderModifier", "requestHeaderModifier");
    fields.put("RequestMirror", "requestMirror");
    fields.put("ExtensionRef", "extensionRef");
    return Collections.unmodifiableMap(fields);
  }

  static void check(JsonNode route, Findings findings) {
    for (FilterList list : RouteParts.filterLists(route)) {
      Set<String> types = new HashSet<>();
      for (Located filter : list.filters()) {
        String type = filter(filter, findings);
        if (type != null && !types.add(type) && UNIQUE.contains(type)) {
          findings.error(
              Codes.FILTER,
              filter.pointer() + "/type",
              "%s filter cannot be repeated: the API server rejects the route.".formatted(type),
              "Merge both %s filters into one.".formatted(type));
        }
      }
    }
  }

  /** Checks one filter and returns its type, or null when it has none that is known. */
  private static String filter(Located filter, Findings findings) {
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
    if (!CONFIG_FIELD.containsKey(type)) {
      findings.error(
          Codes.ENUM,
          filter.pointer() + "/type",
          "Filter type \"%s\" is not a GRPCRoute filter (ResponseHeaderModifier, RequestHeaderModifier, RequestMirror, ExtensionRef); the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(type)),
          "Use one of the GRPCRoute filter types, spelled exactly; redirects and URL rewrites"
              + " exist only on HTTPRoutes.");
      return null;
    }
    for (Map.Entry<String, String> config : CONFIG_FIELD.entrySet()) {
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
                .formatted(CONFIG_FIELD.get(type), config.getKey()));
      }
    }
    FilterConfigCheck.check(filter, type, findings);
    return type;
  }
}
