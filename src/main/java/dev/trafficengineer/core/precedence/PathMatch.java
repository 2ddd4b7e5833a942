package dev.trafficengineer.core.precedence;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;

/**
 * The path part of a match, defaults applied (type PathPrefix, value /).
 *
 * <p>PathPrefix matches whole path elements, and a trailing {@code /} in the value is ignored:
 * "When specified, a trailing `/` is ignored. For example, the paths `/abc`, `/abc/`, and
 * `/abc/def` would all match the prefix `/abc`, but the path `/abcd` would not" (apis/v1
 * httproute_types.go, HTTPPathModifier.ReplacePrefixMatch, which states it for PathPrefix). So the
 * prefix {@code /api/} is the prefix {@code /api} and also takes {@code /api}; the conformance test
 * HTTPRoutePathMatchOrder (conformance/tests/httproute-path-match-order.yaml: prefixes /match/,
 * /match/prefix/ and /match/prefix/one) expects {@code /match/prefix/any} to reach /match/prefix/
 * and {@code /match/any} to reach /match/, consistent with that reading. Its length for "longest
 * prefix" is the length without the trailing slash, since {@code /api} and {@code /api/} take the
 * same requests. Exact is case-sensitive and literal: {@code /abc} does not match {@code /abc/}.
 */
record PathMatch(Kind kind, String value, Pattern pattern) {
  enum Kind {
    Exact,
    RegularExpression,
    PathPrefix
  }

  static final PathMatch ROOT = new PathMatch(Kind.PathPrefix, "/", null);

  static PathMatch of(HTTPPathMatch path) {
    if (path == null) {
      return ROOT;
    }
    String value = path.getValue() == null ? "/" : path.getValue();
    if ("Exact".equals(path.getType())) {
      return new PathMatch(Kind.Exact, value, null);
    }
    if ("RegularExpression".equals(path.getType())) {
      return new PathMatch(Kind.RegularExpression, value, compile(value));
    }
    return new PathMatch(Kind.PathPrefix, value, null);
  }

  /** A pattern that does not compile matches nothing; the validator reports it. */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  boolean matches(String path) {
    return switch (kind) {
      case Exact -> value.equals(path);
      case RegularExpression -> pattern != null && pattern.matcher(path).matches();
      case PathPrefix -> {
        String prefix = prefix();
        yield prefix.isEmpty()
            || path.equals(prefix)
            || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
      }
    };
  }

  /** The prefix without its trailing slashes; empty for {@code /}, which takes every path. */
  String prefix() {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(0, end);
  }

  /** The length "longest prefix" compares: of the prefix as it matches, or of the pattern. */
  int length() {
    return kind == Kind.PathPrefix ? prefix().length() : value.length();
  }

  /** Every path this one takes is taken by {@code wider}: decidable unless a regex is involved. */
  boolean within(PathMatch wider) {
    if (wider.kind == Kind.PathPrefix && wider.prefix().isEmpty()) {
      return true;
    }
    return switch (wider.kind) {
      case Exact -> kind == Kind.Exact && value.equals(wider.value);
      case RegularExpression -> false;
      case PathPrefix ->
          kind != Kind.RegularExpression && wider.matches(kind == Kind.Exact ? value : prefix());
    };
  }

  String describe() {
    return kind + " " + value;
  }
}
