package dev.trafficengineer.core.precedence;

import com.google.re2j.Pattern;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;

/**
 * A header or query parameter match: a name and an exact value or a regular expression ({@code
 * pattern} is {@code null} when the expression does not compile; it then matches nothing).
 */
record ValueMatch(String name, String value, boolean regex, Pattern pattern) {

  static ValueMatch of(HTTPHeaderMatch header) {
    return of(header.getName(), header.getValue(), header.getType());
  }

  static ValueMatch of(HTTPQueryParamMatch query) {
    return of(query.getName(), query.getValue(), query.getType());
  }

  private static ValueMatch of(String name, String value, String type) {
    String text = value == null ? "" : value;
    boolean regex = "RegularExpression".equals(type);
    return new ValueMatch(
        name == null ? "" : name, text, regex, regex ? PathMatch.compile(text) : null);
  }

  boolean accepts(String actual) {
    if (actual == null) {
      return false;
    }
    if (regex) {
      return pattern != null && pattern.matcher(actual).matches();
    }
    return value.equals(actual);
  }

  String describe(String separator) {
    return name + (regex ? " ~ " + value : separator + value);
  }
}
