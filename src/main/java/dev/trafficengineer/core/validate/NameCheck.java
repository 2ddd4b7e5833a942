package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * TE104 and TE405: the route's own name and namespace, and the names, namespaces, groups and kinds
 * of everything it refers to, as the API server and the CRD patterns check them.
 */
final class NameCheck {

  private NameCheck() {}

  static void check(JsonNode route, Findings findings) {
    metadata(route, findings);
    MetadataCheck.check(Tree.object(route, "metadata"), findings);
    for (Located parent : RouteParts.located(RouteParts.spec(route), "/spec", "parentRefs")) {
      reference(parent, "parentRef", findings);
      String section = Tree.text(parent.node(), "sectionName");
      if (section != null && !GatewayPatterns.dnsSubdomain(section)) {
        subdomain(parent.pointer() + "/sectionName", section, "sectionName", findings);
      }
    }
    for (Located rule : RouteParts.rules(route)) {
      String name = Tree.text(rule.node(), "name");
      if (name != null && !GatewayPatterns.dnsSubdomain(name)) {
        subdomain(rule.pointer() + "/name", name, "A rule name", findings);
      }
      for (Located backend : RouteParts.located(rule.node(), rule.pointer(), "backendRefs")) {
        reference(backend, "backendRef", findings);
      }
    }
    for (FilterList list : RouteParts.filterLists(route)) {
      for (Located filter : list.filters()) {
        JsonNode mirror = Tree.object(filter.node(), "requestMirror");
        JsonNode mirrored = Tree.object(mirror, "backendRef");
        if (mirrored != null) {
          reference(
              new Located(mirrored, filter.pointer() + "/requestMirror/backendRef"),
              "mirror backendRef",
              findings);
        }
        JsonNode extension = Tree.object(filter.node(), "extensionRef");
        if (extension != null) {
          reference(
              new Located(extension, filter.pointer() + "/extensionRef"), "extensionRef", findings);
          extensionRequired(extension, filter.pointer() + "/extensionRef", findings);
        }
      }
    }
  }

  private static void metadata(JsonNode route, Findings findings) {
    JsonNode metadata = Tree.object(route, "metadata");
    String name = Tree.text(metadata, "name");
    // An empty name or generateName is the API server's "not given".
    boolean named = !"".equals(name) && Tree.has(metadata, "name");
    boolean generated =
        !"".equals(Tree.text(metadata, "generateName")) && Tree.has(metadata, "generateName");
    if (!named && !generated) {
      findings.error(
          Codes.NAME,
          metadata == null ? "" : "/metadata",
          "The route has no metadata.name; the API server refuses an object without a name.",
          "Add metadata.name, e.g. name: my-app-route (lower-case letters, digits, '-' and '.').");
    } else if (name != null && !name.isEmpty() && !GatewayPatterns.dnsSubdomain(name)) {
      subdomain("/metadata/name", name, "The route name", findings);
    }
    String namespace = Tree.text(metadata, "namespace");
    if (namespace != null && !namespace.isEmpty() && !GatewayPatterns.dnsLabel(namespace)) {
      label("/metadata/namespace", namespace, "The route namespace", findings);
    } else if (!Tree.has(metadata, "namespace") || "".equals(namespace)) {
      // An empty namespace is the API server's "not given": the request's namespace is used.
      findings.warning(
          Codes.NO_NAMESPACE,
          metadata == null ? "" : "/metadata",
          "The route has no metadata.namespace, so it lands in whatever namespace the current"
              + " kubectl context uses; that can attach it next to the wrong backends or not at"
              + " all.",
          "Add metadata.namespace with the namespace of the Services it routes to.");
    }
  }

  /**
   * An extensionRef has no defaults: its group (empty for the core group) and kind are required, as
   * its name is.
   */
  private static void extensionRequired(JsonNode extension, String pointer, Findings findings) {
    for (String field : new String[] {"group", "kind"}) {
      if (!Tree.has(extension, field)) {
        findings.error(
            Codes.NAME,
            pointer,
            "This extensionRef has no %s, which is required (there is no default); the API server rejects the route."
                .formatted(field),
            field.equals("group")
                ? "Add group: with the API group of the extension resource (\"\" for the core group)."
                : "Add kind: with the kind of the extension resource.");
      }
    }
  }

  /** Checks the name, namespace, group and kind of a parentRef, backendRef or extensionRef. */
  private static void reference(Located ref, String what, Findings findings) {
    JsonNode node = ref.node();
    if (!node.isObject()) {
      return;
    }
    String name = Tree.text(node, "name");
    if (name == null && !Tree.has(node, "name")) {
      findings.error(
          Codes.NAME,
          ref.pointer(),
          "This %s has no name, which is required; the API server rejects the route."
              .formatted(what),
          "Add name: with the name of the object it refers to.");
    } else if (name != null && (name.isEmpty() || Tree.length(name) > 253)) {
      findings.error(
          Codes.NAME,
          ref.pointer() + "/name",
          "The %s name must be 1 to 253 characters long; the API server rejects the route."
              .formatted(what),
          "Use the exact name of the object it refers to.");
    }
    String namespace = Tree.text(node, "namespace");
    if (namespace != null && !GatewayPatterns.dnsLabel(namespace)) {
      label(ref.pointer() + "/namespace", namespace, "The " + what + " namespace", findings);
    }
    String group = Tree.text(node, "group");
    if (group != null && !GatewayPatterns.group(group)) {
      findings.error(
          Codes.NAME,
          ref.pointer() + "/group",
          "The %s group \"%s\" is not an API group: it must be empty (the core group, for a Service) or a lower-case DNS name such as gateway.networking.k8s.io."
              .formatted(what, SchemaCheck.abbreviate(group)),
          "Remove group for a Service, or write the API group of the referenced kind.");
    }
    String kind = Tree.text(node, "kind");
    if (kind != null && !GatewayPatterns.kind(kind)) {
      findings.error(
          Codes.NAME,
          ref.pointer() + "/kind",
          "The %s kind \"%s\" is not a kind name (a letter, then letters, digits or '-', at most 63)."
              .formatted(what, SchemaCheck.abbreviate(kind)),
          "Remove kind for a Service, or write the referenced kind, e.g. Service or Gateway.");
    }
  }

  private static void subdomain(String pointer, String value, String what, Findings findings) {
    findings.error(
        Codes.NAME,
        pointer,
        "%s \"%s\" is not a valid RFC 1123 subdomain (at most 253 lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit); the API server rejects it."
            .formatted(capitalized(what), SchemaCheck.abbreviate(value)),
        "Use \"%s\" or another lower-case name.".formatted(suggestion(value)));
  }

  private static void label(String pointer, String value, String what, Findings findings) {
    findings.error(
        Codes.NAME,
        pointer,
        "%s \"%s\" is not a valid RFC 1123 label (at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit); the API server rejects it."
            .formatted(what, SchemaCheck.abbreviate(value)),
        "Use \"%s\" or another lower-case name.".formatted(suggestion(value)));
  }

  private static String capitalized(String what) {
    return Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }

  /** Lower-cases and replaces what RFC 1123 forbids by '-', as a starting point for the fix. */
  private static String suggestion(String value) {
    StringBuilder name = new StringBuilder();
    for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.';
      if (name.length() < 63 && (allowed || name.length() > 0)) {
        name.append(allowed ? c : '-');
      }
    }
    while (name.length() > 0 && !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
      name.setLength(name.length() - 1);
    }
    while (name.length() > 0 && !Character.isLetterOrDigit(name.charAt(0))) {
      name.deleteCharAt(0);
    }
    return name.length() == 0 ? "my-name" : name.toString();
  }
}
