package dev.trafficengineer.core.crd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * One route CustomResourceDefinition (HTTPRoute or GRPCRoute) as installed: its group, kind, served
 * versions with their schemas and CEL rules, and the Gateway API bundle version and channel from
 * its annotations. A version's schema is read, and its rules compiled, the first time a route of
 * that version is judged, then kept.
 */
public final class RouteCrd {

  static final String BUNDLE_VERSION = "gateway.networking.k8s.io/bundle-version";
  static final String CHANNEL = "gateway.networking.k8s.io/channel";

  private final String group;
  private final String kind;
  private final String bundleVersion;
  private final String channel;
  private final Map<String, JsonNode> servedSchemas = new LinkedHashMap<>();
  private final Map<String, Boolean> statusSubresource = new LinkedHashMap<>();
  private final Map<String, SchemaNode> schemas = new ConcurrentHashMap<>();

  private RouteCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    group = spec.path("group").asString("");
    kind = spec.path("names").path("kind").asString("");
    JsonNode annotations = crd.path("metadata").path("annotations");
    bundleVersion = annotations.path(BUNDLE_VERSION).asString(null);
    channel = annotations.path(CHANNEL).asString(null);
    for (JsonNode version : spec.path("versions")) {
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      if (version.path("served").asBoolean(false) && schema.isObject()) {
        String name = version.path("name").asString("");
        servedSchemas.put(name, schema);
        statusSubresource.put(name, version.path("subresources").has("status"));
      }
    }
    if (servedSchemas.isEmpty()) {
      throw new CrdFormatException("the " + kind + " CRD serves no version with a schema");
    }
  }

  /** Whether {@code document} is a CustomResourceDefinition of a Gateway API route kind. */
  static boolean isRouteCrd(JsonNode document) {
    return "CustomResourceDefinition".equals(document.path("kind").asString(""))
        && document.path("apiVersion").asString("").startsWith("apiextensions.k8s.io/")
        && "gateway.networking.k8s.io".equals(document.path("spec").path("group").asString(""))
        && RouteCrds.KINDS.contains(document.path("spec").path("names").path("kind").asString(""));
  }

  static RouteCrd of(JsonNode crd) {
    return new RouteCrd(crd);
  }

  public String kind() {
    return kind;
  }

  public String group() {
    return group;
  }

  /** The {@code gateway.networking.k8s.io/bundle-version} annotation, or null. */
  public String bundleVersion() {
    return bundleVersion;
  }

  /** The {@code gateway.networking.k8s.io/channel} annotation, or null. */
  public String channel() {
    return channel;
  }

  /** The versions the CRD serves, in the CRD's order. */
  public List<String> servedVersions() {
    return new ArrayList<>(servedSchemas.keySet());
  }

  /** The schema of a served version, or null when the CRD does not serve it. */
  SchemaNode schema(String version) {
    JsonNode source = servedSchemas.get(version);
    return source == null ? null : schemas.computeIfAbsent(version, v -> SchemaNode.of(source));
  }

  /** Whether the API server resets {@code status} on create (a status subresource). */
  boolean hasStatusSubresource(String version) {
    return statusSubresource.getOrDefault(version, false);
  }

  /** Every CEL rule of every served version that did not compile: empty when all did. */
  public List<String> uncompiledRules() {
    List<String> problems = new ArrayList<>();
    for (String version : servedSchemas.keySet()) {
      List<CelRule> rules = new ArrayList<>();
      schema(version).collectRules(rules);
      for (CelRule rule : rules) {
        if (rule.compileError() != null) {
          problems.add(
              version + " " + rule.location + ": " + rule.rule + " — " + rule.compileError());
        }
      }
    }
    return problems;
  }
}
