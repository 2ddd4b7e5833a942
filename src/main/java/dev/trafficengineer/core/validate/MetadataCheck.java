package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * TE104 for the object metadata the API server checks on every resource (apimachinery's
 * ValidateObjectMeta), which the CRD's schema leaves to it: generateName, label keys and values,
 * annotation keys and the annotations' total size.
 */
final class MetadataCheck {

  /** apimachinery's qualified name: at most 63 characters, alphanumeric at both ends. */
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private static final int MAX_NAME_PART = 63;
  private static final int MAX_LABEL_VALUE = 63;
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  /** The generated name is the prefix cut to 58 characters plus 5 random lower-case ones. */
  private static final int GENERATED_PREFIX = 58;

  private static final String RANDOM_SUFFIX = "bcdfg";

  private MetadataCheck() {}

  static void check(JsonNode metadata, Findings findings) {
    if (metadata == null) {
      return;
    }
    generateName(metadata, findings);
    JsonNode labels = Tree.object(metadata, "labels");
    if (labels != null) {
      for (Map.Entry<String, JsonNode> label : labels.properties()) {
        String pointer = "/metadata/labels/" + FieldPath.token(label.getKey());
        String problem = qualifiedNameProblem(label.getKey());
        if (problem != null) {
          key(pointer, "label", label.getKey(), problem, findings);
        }
        JsonNode value = label.getValue();
        if (value.isString() && !labelValue(value.asString())) {
          findings.error(
              Codes.NAME,
              pointer,
              "Label value \"%s\" is not a valid label value (empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit); the API server rejects the route."
                  .formatted(SchemaCheck.abbreviate(value.asString())),
              "Shorten the value or replace the other characters, e.g. by '-'.");
        }
      }
    }
    JsonNode annotations = Tree.object(metadata, "annotations");
    if (annotations != null) {
      long bytes = 0;
      for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
        // The API server checks annotation keys lower-cased: an upper-case prefix passes.
        String problem = qualifiedNameProblem(annotation.getKey().toLowerCase(Locale.ROOT));
        if (problem != null) {
          key(
              "/metadata/annotations/" + FieldPath.token(annotation.getKey()),
              "annotation",
              annotation.getKey(),
              problem,
              findings);
        }
        bytes += utf8(annotation.getKey());
        bytes += annotation.getValue().isString() ? utf8(annotation.getValue().asString()) : 0;
      }
      if (bytes > MAX_ANNOTATIONS_BYTES) {
        findings.error(
            Codes.NAME,
            "/metadata/annotations",
            "The annotations take %,d bytes; the API server allows at most 262,144 (256 KiB) in all."
                .formatted(bytes),
            "Move large values, such as a last-applied configuration, out of the annotations.");
      }
    }
  }

  /**
   * generateName is checked as a prefix (a trailing '-' is allowed) and, when there is no name, so
   * is the name the API server makes from it before validating.
   */
  private static void generateName(JsonNode metadata, Findings findings) {
    String prefix = Tree.text(metadata, "generateName");
    if (prefix == null || prefix.isEmpty()) {
      return;
    }
    String generated =
        prefix.substring(0, Math.min(prefix.length(), GENERATED_PREFIX)) + RANDOM_SUFFIX;
    boolean named = Tree.text(metadata, "name") != null && !Tree.text(metadata, "name").isEmpty();
    if (!GatewayPatterns.dnsSubdomain(maskTrailingDash(prefix))
        || !named && !GatewayPatterns.dnsSubdomain(generated)) {
      findings.error(
          Codes.NAME,
          "/metadata/generateName",
          "generateName \"%s\" does not give a valid RFC 1123 subdomain once 5 random characters are appended (lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit); the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(prefix)),
          "Use a lower-case prefix such as my-route-.");
    }
  }

  /** apimachinery's MaskTrailingDash, quirk included: "ab-" becomes "aa". */
  private static String maskTrailingDash(String name) {
    return name.length() > 1 && name.endsWith("-")
        ? name.substring(0, name.length() - 2) + "a"
        : name;
  }

  /** apimachinery's IsQualifiedName: [prefix/]name; returns what is wrong, or null. */
  private static String qualifiedNameProblem(String key) {
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      return "it has more than one '/'";
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2 && !GatewayPatterns.dnsSubdomain(parts[0])) {
      return "its prefix \""
          + SchemaCheck.abbreviate(parts[0])
          + "\" is not a lower-case DNS subdomain";
    }
    if (name.isEmpty()
        || name.length() > MAX_NAME_PART
        || !QUALIFIED_NAME.matcher(name).matches()) {
      return "its name part must be 1 to 63 letters, digits, '-', '_' and '.', starting and ending"
          + " with a letter or digit";
    }
    return null;
  }

  private static boolean labelValue(String value) {
    return value.isEmpty()
        || value.length() <= MAX_LABEL_VALUE && QUALIFIED_NAME.matcher(value).matches();
  }

  private static void key(
      String pointer, String what, String key, String problem, Findings findings) {
    findings.error(
        Codes.NAME,
        pointer,
        "The %s key \"%s\" is not a qualified name: %s; the API server rejects the route."
            .formatted(what, SchemaCheck.abbreviate(key), problem),
        "Write the key as [prefix/]name, e.g. app.kubernetes.io/name.");
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
