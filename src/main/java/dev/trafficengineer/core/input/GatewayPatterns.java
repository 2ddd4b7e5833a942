package dev.trafficengineer.core.input;

import java.util.regex.Pattern;

/**
 * The string patterns of the HTTPRoute CRD and of Kubernetes names, compiled once: what the input
 * checks and the validator both hold values to.
 */
public final class GatewayPatterns {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern HOSTNAME =
      Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern KIND = Pattern.compile("[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]+");
  private static final String PATH_PUNCTUATION = "-/._~!$&'()*+,;=:@";
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,5}(h|m|s|ms)){1,4}");

  private GatewayPatterns() {}

  /** An RFC 1123 label: namespaces. */
  public static boolean dnsLabel(String value) {
    return value.length() <= 63 && DNS_LABEL.matcher(value).matches();
  }

  /** An RFC 1123 subdomain: object names, section names, rule names. */
  public static boolean dnsSubdomain(String value) {
    return value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches();
  }

  /** A Gateway API Group: empty (the core API group) or a DNS subdomain. */
  public static boolean group(String value) {
    return value.isEmpty() || dnsSubdomain(value);
  }

  /** A Gateway API Kind, such as Service or Gateway. */
  public static boolean kind(String value) {
    return value.length() <= 63 && KIND.matcher(value).matches();
  }

  /** A route hostname, optionally with one leading wildcard label. */
  public static boolean hostname(String value) {
    return value.length() <= 253 && HOSTNAME.matcher(value).matches();
  }

  /** A precise hostname, as redirects and rewrites take it: no wildcard. */
  public static boolean preciseHostname(String value) {
    return dnsSubdomain(value);
  }

  public static boolean headerName(String value) {
    return value.length() <= 256 && HEADER_NAME.matcher(value).matches();
  }

  /**
   * The CRD's path pattern {@code ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$}, checked
   * by a loop: {@code java.util.regex} recurses once per repetition of that group, so a path of
   * 4,096 characters overflowed the stack (found by the CRD differential test on a mutated route).
   */
  public static boolean pathCharacters(String value) {
    int length = value.length();
    if (length == 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= length || !hex(value.charAt(i + 1)) || !hex(value.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!asciiAlphanumeric(c) && PATH_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean asciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A Gateway API Duration, such as 10s or 1h30m. */
  public static boolean duration(String value) {
    return DURATION.matcher(value).matches();
  }
}
