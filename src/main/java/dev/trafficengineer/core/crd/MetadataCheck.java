package dev.trafficengineer.core.crd;

import com.google.re2j.Pattern;
import dev.trafficengineer.core.crd.Violation.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The API server's ObjectMeta rules for a custom resource (not part of the CRD's schema): a name or
 * generateName that is a DNS subdomain, a namespace that is a DNS label, labels and annotations
 * with qualified-name keys, label values of at most 63 characters, and at most 256 KiB of
 * annotations.
 */
final class MetadataCheck {

  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final int ANNOTATIONS_BYTES = 256 * 1024;

  private final List<Violation> violations;

  MetadataCheck(List<Violation> violations) {
    this.violations = violations;
  }

  void check(Object metadata) {
    if (metadata == null) {
      add("/metadata", null, "name or generateName is required", null);
      return;
    }
    if (!(metadata instanceof Map<?, ?> meta)) {
      type("/metadata", metadata, "object");
      return;
    }
    for (Object key : meta.keySet()) {
      if (!FIELDS.contains(String.valueOf(key))) {
        violations.add(
            new Violation(
                Kind.UNKNOWN_FIELD,
                "/metadata/" + StructuralCheck.escape(String.valueOf(key)),
                String.valueOf(key),
                "unknown field \"metadata." + key + "\"",
                String.join(",", FIELDS)));
      }
    }
    Object name = meta.get("name");
    Object generateName = meta.get("generateName");
    if (name == null && generateName == null) {
      add("/metadata/name", null, "name or generateName is required", null);
    } else if (name != null) {
      subdomain("/metadata/name", name, false);
    } else {
      subdomain("/metadata/generateName", generateName, true);
    }
    Object namespace = meta.get("namespace");
    if (namespace != null && !"".equals(namespace)) {
      if (!(namespace instanceof String text)) {
        type("/metadata/namespace", namespace, "string");
      } else if (text.length() > 63 || !LABEL.matches(text)) {
        add(
            "/metadata/namespace",
            text,
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                + " '-', and must start and end with an alphanumeric character (at most 63)",
            "rfc1123-label");
      }
    }
    labels(meta.get("labels"));
    annotations(meta.get("annotations"));
  }

  private void subdomain(String pointer, Object value, boolean prefix) {
    if (!(value instanceof String text)) {
      type(pointer, value, "string");
      return;
    }
    // generateName is a prefix: the server appends random characters, so a trailing '-' is fine.
    String checked =
        prefix && text.endsWith("-") ? text.substring(0, text.length() - 1) + "a" : text;
    if (checked.isEmpty() || checked.length() > 253 || !SUBDOMAIN.matches(checked)) {
      add(
          pointer,
          text,
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
              + " or '.', and must start and end with an alphanumeric character (at most 253)",
          "rfc1123-subdomain");
    }
  }

  private void labels(Object labels) {
    if (labels == null) {
      return;
    }
    if (!(labels instanceof Map<?, ?> map)) {
      type("/metadata/labels", labels, "object");
      return;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String pointer = "/metadata/labels/" + StructuralCheck.escape(key);
      qualifiedName(pointer, key);
      if (!(entry.getValue() instanceof String value)) {
        type(pointer, entry.getValue(), "string");
      } else if (value.length() > 63 || !LABEL_VALUE.matches(value)) {
        add(
            pointer,
            value,
            "a valid label must be an empty string or consist of alphanumeric characters, '-',"
                + " '_' or '.', and must start and end with an alphanumeric character (at most"
                + " 63)",
            "label-value");
      }
    }
  }

  private void annotations(Object annotations) {
    if (annotations == null) {
      return;
    }
    if (!(annotations instanceof Map<?, ?> map)) {
      type("/metadata/annotations", annotations, "object");
      return;
    }
    long size = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String pointer = "/metadata/annotations/" + StructuralCheck.escape(key);
      qualifiedName(pointer, key.toLowerCase(Locale.ROOT));
      if (!(entry.getValue() instanceof String value)) {
        type(pointer, entry.getValue(), "string");
      } else {
        size +=
            key.getBytes(StandardCharsets.UTF_8).length
                + value.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (size > ANNOTATIONS_BYTES) {
      add(
          "/metadata/annotations",
          null,
          "may not be more than " + ANNOTATIONS_BYTES + " bytes in all",
          "annotations-size");
    }
  }

  private void qualifiedName(String pointer, String key) {
    String[] parts = key.split("/", -1);
    String name = parts[parts.length - 1];
    boolean valid =
        parts.length <= 2
            && !name.isEmpty()
            && name.length() <= 63
            && QUALIFIED.matches(name)
            && (parts.length == 1
                || (!parts[0].isEmpty()
                    && parts[0].length() <= 253
                    && SUBDOMAIN.matches(parts[0])));
    if (!valid) {
      add(
          pointer,
          key,
          "a qualified name must be an optional DNS subdomain prefix and '/' followed by at most"
              + " 63 alphanumeric characters, '-', '_' or '.', starting and ending with an"
              + " alphanumeric character",
          "qualified-name");
    }
  }

  private void type(String pointer, Object value, String expected) {
    violations.add(Violation.type(pointer, value, expected));
  }

  private void add(String pointer, String value, String detail, String rule) {
    violations.add(
        new Violation(
            Kind.METADATA,
            pointer,
            value == null ? null : PlainValues.describe(value),
            detail,
            rule));
  }
}
