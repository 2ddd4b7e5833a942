package dev.trafficengineer.core.grpc;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.trafficengineer.core.precedence.RuleRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One match of one GRPCRoute rule, compiled for matching: the service and method it requires (each
 * optional) and its header conditions. Of several header entries with equivalent names only the
 * first counts, as the CRD says. A rule without matches has one candidate that takes every call.
 */
record GrpcCandidate(
    GrpcRouteFacts route,
    int rule,
    int match,
    String service,
    String method,
    boolean regex,
    Pattern servicePattern,
    Pattern methodPattern,
    List<Header> headers) {

  /** A header condition: lower-case name, the value, and its pattern when a regex. */
  record Header(String name, String value, Pattern pattern, boolean regex) {
    boolean matches(GrpcRequest request) {
      String actual = request.header(name);
      if (actual == null) {
        return false;
      }
      return regex ? pattern != null && pattern.matcher(actual).matches() : value.equals(actual);
    }
  }

  static GrpcCandidate of(GrpcRouteFacts route, int rule, int match, GRPCRouteMatch given) {
    GRPCMethodMatch method = given == null ? null : given.getMethod();
    String service = method == null ? null : emptyToNull(method.getService());
    String name = method == null ? null : emptyToNull(method.getMethod());
    boolean regex = method != null && "RegularExpression".equals(method.getType());
    List<Header> headers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<GRPCHeaderMatch> headerMatches = given == null ? List.of() : given.getHeaders();
    for (GRPCHeaderMatch header : headerMatches) {
      if (header.getName() == null || header.getValue() == null) {
        continue;
      }
      String lower = header.getName().toLowerCase(Locale.ROOT);
      if (seen.add(lower)) {
        boolean headerRegex = "RegularExpression".equals(header.getType());
        headers.add(
            new Header(
                lower,
                header.getValue(),
                headerRegex ? compile(header.getValue()) : null,
                headerRegex));
      }
    }
    return new GrpcCandidate(
        route,
        rule,
        match,
        service,
        name,
        regex,
        regex && service != null ? compile(service) : null,
        regex && name != null ? compile(name) : null,
        List.copyOf(headers));
  }

  boolean matches(GrpcRequest request) {
    if (service != null && !matches(service, servicePattern, request.service())) {
      return false;
    }
    if (method != null && !matches(method, methodPattern, request.method())) {
      return false;
    }
    return headers.stream().allMatch(header -> header.matches(request));
  }

  private boolean matches(String value, Pattern pattern, String actual) {
    if (regex) {
      return pattern != null && pattern.matcher(actual).matches();
    }
    return value.equals(actual);
  }

  boolean usesRegex() {
    return regex || headers.stream().anyMatch(Header::regex);
  }

  /**
   * Characters in the matching service as the spec ranks them. A RegularExpression counts 0: its
   * precedence is implementation-specific, and here it ranks below every exact service.
   */
  int serviceCharacters() {
    return service == null || regex ? 0 : service.length();
  }

  int methodCharacters() {
    return method == null || regex ? 0 : method.length();
  }

  RuleRef ref() {
    return new RuleRef(route.index(), rule, match);
  }

  String label(boolean withRoute) {
    return (withRoute ? route.key() + " " : "") + "rule " + rule;
  }

  /** {@code service com.example.User and method Login and 1 header}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    String how = regex ? " matching " : " ";
    if (service != null) {
      parts.add("service" + how + service);
    }
    if (method != null) {
      parts.add("method" + how + method);
    }
    for (Header header : headers) {
      parts.add(
          "header " + header.name() + (header.regex() ? " matching " : ": ") + header.value());
    }
    return parts.isEmpty() ? "every call" : String.join(" and ", parts);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      // An expression Java cannot read matches nothing here; TE304 already says the dialect is
      // the implementation's.
      return null;
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
