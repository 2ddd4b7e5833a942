package dev.trafficengineer.core.input;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;

/**
 * The checks every generator applies to its inputs before it builds anything. Each rule mirrors the
 * Gateway API or Kubernetes schema, so that nothing generated can be refused by the API server.
 */
public final class InputRules {
  public static final int MAX_PERCENT = 100;
  public static final int MAX_WEIGHT = 1_000_000;
  public static final int MAX_HOSTNAMES = 16;

  private static final List<String> PATH_FORBIDDEN =
      List.of("//", "/./", "/../", "%2f", "%2F", "#");

  private InputRules() {}

  public static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.missing(field);
    }
    return value;
  }

  /** A namespace: an RFC 1123 DNS label (at most 63 lower-case alphanumerics or '-'). */
  public static String namespace(String field, String value) {
    return label(field, value);
  }

  /** An RFC 1123 DNS label, the rule for Service names and namespaces. */
  public static String label(String field, String value) {
    required(field, value);
    if (!GatewayPatterns.dnsLabel(value)) {
      throw new InvalidInputException(
          field,
          value,
          "is not a valid RFC 1123 label (at most 63 characters: lower-case letters, digits and"
              + " '-', starting and ending with a letter or digit)");
    }
    return value;
  }

  /** An RFC 1123 DNS subdomain, the rule for object names such as HTTPRoutes and Gateways. */
  public static String subdomain(String field, String value) {
    required(field, value);
    if (!GatewayPatterns.dnsSubdomain(value)) {
      throw new InvalidInputException(
          field,
          value,
          "is not a valid RFC 1123 subdomain (at most 253 characters: lower-case letters, digits,"
              + " '-' and '.', each part starting and ending with a letter or digit)");
    }
    return value;
  }

  public static String optionalLabel(String field, String value) {
    return value == null ? null : label(field, value);
  }

  public static String optionalSubdomain(String field, String value) {
    return value == null ? null : subdomain(field, value);
  }

  public static int port(String field, Integer value) {
    if (value == null) {
      throw InvalidInputException.missing(field);
    }
    if (value < 1 || value > 65535) {
      throw new InvalidInputException(field, value, "is not a port number (1 to 65535)");
    }
    return value;
  }

  public static int percent(String field, Integer value) {
    if (value == null) {
      throw InvalidInputException.missing(field);
    }
    if (value < 0 || value > MAX_PERCENT) {
      throw new InvalidInputException(field, value, "is not a percentage (0 to 100)");
    }
    return value;
  }

  public static int weight(String field, Integer value) {
    if (value == null) {
      throw InvalidInputException.missing(field);
    }
    if (value < 0 || value > MAX_WEIGHT) {
      throw new InvalidInputException(
          field, value, "is not a Gateway API weight (an integer from 0 to 1,000,000)");
    }
    return value;
  }

  /**
   * A path prefix as the HTTPRoute CEL rules accept it: absolute, no dot segments or doubled
   * slashes, no encoded slash or fragment, only URL path characters.
   */
  public static String pathPrefix(String field, String value) {
    required(field, value);
    if (!value.startsWith("/")) {
      throw new InvalidInputException(field, value, "must be an absolute path starting with '/'");
    }
    if (value.length() > 1024) {
      throw new InvalidInputException(field, value, "is longer than 1024 characters");
    }
    for (String forbidden : PATH_FORBIDDEN) {
      if (value.contains(forbidden)) {
        throw new InvalidInputException(field, value, "must not contain '" + forbidden + "'");
      }
    }
    if (value.endsWith("/..") || value.endsWith("/.")) {
      throw new InvalidInputException(field, value, "must not end with '/..' or '/.'");
    }
    if (!GatewayPatterns.pathCharacters(value)) {
      throw new InvalidInputException(
          field,
          value,
          "may only contain the characters A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @ / and"
              + " %XX escapes");
    }
    return value;
  }

  /** An HTTP header name as HTTPRoute header matches accept it (an RFC 7230 token). */
  public static String headerName(String field, String value) {
    required(field, value);
    if (!GatewayPatterns.headerName(value)) {
      throw new InvalidInputException(
          field,
          value,
          "is not a valid HTTP header name (1 to 256 token characters: letters, digits and"
              + " !#$%&'*+-.^_`|~)");
    }
    return value;
  }

  /** A header value: printable ASCII, single spaces or tabs inside, 1 to 4096 characters. */
  public static String headerValue(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw InvalidInputException.missing(field);
    }
    if (value.length() > 4096) {
      throw new InvalidInputException(field, value, "is longer than 4096 characters");
    }
    if (!value.matches("[!-~]+([\\t ]?[!-~]+)*")) {
      throw new InvalidInputException(
          field, value, "must be printable ASCII without leading, trailing or doubled whitespace");
    }
    return value;
  }

  public static List<String> hostnames(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_HOSTNAMES) {
      throw new InvalidInputException(
          field, values.size() + " hostnames", "is over the limit of " + MAX_HOSTNAMES);
    }
    for (int i = 0; i < values.size(); i++) {
      String host = values.get(i);
      String item = field + "[" + i + "]";
      required(item, host);
      if (!GatewayPatterns.hostname(host)) {
        throw new InvalidInputException(
            item,
            host,
            "is not a valid hostname (lower-case DNS name, optionally starting with '*.'; no IP"
                + " addresses, no port)");
      }
      if (host.matches("[0-9.]+")) {
        throw new InvalidInputException(
            item, host, "is an IP address; hostnames must be DNS names");
      }
      if (values.subList(0, i).contains(host)) {
        throw new InvalidInputException(item, host, "is listed twice");
      }
    }
    return List.copyOf(values);
  }

  /**
   * A RegularExpression match value: it must compile as RE2, the syntax Envoy-based Gateways use,
   * since a pattern they cannot compile serves nothing.
   */
  public static void regex(String field, String value) {
    try {
      Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new InvalidInputException(
          field,
          value,
          "is not a valid RE2 regular expression (the syntax Envoy-based Gateways use: no"
              + " look-around, no back-references): "
              + e.getDescription());
    }
  }
}
