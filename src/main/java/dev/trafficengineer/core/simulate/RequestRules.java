package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.precedence.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Bounds and checks every simulated request before any matching, naming the field at fault. */
final class RequestRules {
  static final int MAX_REQUESTS = 1000;
  static final int MAX_FIELDS = 64;
  static final int MAX_PATH = 4096;
  static final int MAX_VALUE = 4096;
  static final int MAX_SAMPLE = 100_000;
  static final long MAX_DRAWS = 1_000_000;
  static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  static final Pattern HOST = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e\\t]*");
  private static final Pattern PATH = Pattern.compile("/[\\x21-\\x7e]*");

  private RequestRules() {}

  static List<RequestSpec> requests(List<RequestSpec> requests) {
    if (requests == null || requests.isEmpty()) {
      throw InvalidInputException.missing("requests");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw new InvalidInputException(
          "requests", requests.size() + " requests", "is over the limit of " + MAX_REQUESTS);
    }
    return requests;
  }

  /** The request as given, with the method defaulted and upper-cased and the host lower-cased. */
  static RequestSpec normalize(String field, RequestSpec spec) {
    if (spec == null) {
      throw InvalidInputException.missing(field);
    }
    String path = InputRules.required(field + ".path", spec.path());
    if (path.length() > MAX_PATH || !PATH.matcher(path).matches()) {
      throw new InvalidInputException(
          field + ".path",
          path,
          "must start with '/' and hold at most " + MAX_PATH + " printable characters, no spaces");
    }
    if (path.contains("?") || path.contains("#")) {
      throw new InvalidInputException(
          field + ".path", path, "must not hold '?' or '#': give query parameters in query");
    }
    String method = spec.method() == null ? "GET" : spec.method().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new InvalidInputException(
          field + ".method", spec.method(), "is not one of " + String.join(", ", METHODS));
    }
    Map<String, String> headers = values(field + ".headers", spec.headers(), true);
    Map<String, String> query = values(field + ".query", spec.query(), false);
    String host = spec.host() == null ? null : spec.host().toLowerCase(Locale.ROOT);
    if (host != null && (host.length() > 253 || !HOST.matcher(host).matches())) {
      throw new InvalidInputException(
          field + ".host",
          spec.host(),
          "is not a host name (letters, digits, '-' and '.'; no port)");
    }
    return new RequestSpec(path, method, headers, query, host, null, port(field, spec));
  }

  /** The listener port a request arrives on, {@code null} when not given. */
  static Integer port(String field, RequestSpec spec) {
    if (spec.port() != null && (spec.port() < 1 || spec.port() > 65535)) {
      throw new InvalidInputException(
          field + ".port", String.valueOf(spec.port()), "must be 1-65535");
    }
    return spec.port();
  }

  static HttpRequest toHttp(RequestSpec spec) {
    return new HttpRequest(spec.method(), spec.path(), spec.headers(), spec.query(), spec.host());
  }

  static Map<String, String> values(String field, Map<String, String> given, boolean headers) {
    if (given == null) {
      return Map.of();
    }
    if (given.size() > MAX_FIELDS) {
      throw new InvalidInputException(
          field, given.size() + " entries", "is over the limit of " + MAX_FIELDS);
    }
    Map<String, String> checked = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : given.entrySet()) {
      String name = entry.getKey();
      String item = field + "." + name;
      if (headers) {
        InputRules.headerName(item, name);
        boolean duplicate = checked.keySet().stream().anyMatch(seen -> seen.equalsIgnoreCase(name));
        if (duplicate) {
          throw new InvalidInputException(item, name, "is given twice (header names ignore case)");
        }
      } else if (name.isEmpty() || name.length() > 256) {
        throw new InvalidInputException(item, name, "must be 1 to 256 characters");
      }
      String value = entry.getValue();
      if (value == null) {
        throw InvalidInputException.missing(item);
      }
      if (value.length() > MAX_VALUE || !PRINTABLE.matcher(value).matches()) {
        throw new InvalidInputException(
            item, value, "must be at most " + MAX_VALUE + " printable characters");
      }
      checked.put(name, value);
    }
    return checked;
  }

  /** The sample size, bounded per request and over all requests together; 0 for no sample. */
  static int sampleCount(Sample sample, int requests) {
    if (sample == null) {
      return 0;
    }
    Integer count = sample.count();
    if (count == null) {
      throw InvalidInputException.missing("sample.count");
    }
    if (count < 1 || count > MAX_SAMPLE) {
      throw new InvalidInputException(
          "sample.count",
          count,
          "must be from 1 to " + String.format(Locale.ROOT, "%,d", MAX_SAMPLE));
    }
    if ((long) count * requests > MAX_DRAWS) {
      throw new InvalidInputException(
          "sample.count",
          count,
          "times "
              + requests
              + " requests is over "
              + String.format(Locale.ROOT, "%,d", MAX_DRAWS)
              + " draws in one call");
    }
    return count;
  }
}
