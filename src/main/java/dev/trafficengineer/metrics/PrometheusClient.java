package dev.trafficengineer.metrics;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.input.InvalidInputException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instant queries against the Prometheus HTTP API ({@code GET /api/v1/query}), each bounded in
 * time, each answer checked to be the one-element vector a {@code sum} gives. Every failure is
 * reported against {@code prometheusUrl}, the argument a person can correct.
 */
final class PrometheusClient {
  static final String FIELD = "prometheusUrl";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_SHOWN = 200;
  private static final JsonMapper JSON = Json.MAPPER;

  private final String url;
  private final URI endpoint;
  private final String time;
  private final HttpClient http;

  /** {@code time} is the evaluation time sent with every query, or null for "now". */
  PrometheusClient(String url, URI base, String time) {
    this.url = url;
    this.endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/query");
    this.time = time;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The value of the query's single sample, or null when the result is empty. */
  Double value(String promql) {
    JsonNode result = result(promql);
    if (result.isEmpty()) {
      return null;
    }
    if (result.size() > 1) {
      throw failure("answered " + result.size() + " series where a sum gives one: " + promql);
    }
    return number(result.get(0));
  }

  /** One value per series, keyed by the series' {@code label} (at most {@code max} series). */
  Map<String, Double> byLabel(String promql, String label, int max) {
    JsonNode result = result(promql);
    if (result.size() > max) {
      throw failure("answered " + result.size() + " series, more than " + max + ": " + promql);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (JsonNode series : result) {
      String key = series.path("metric").path(label).asString(null);
      if (key == null) {
        throw failure("answered a series without the label " + label + ": " + promql);
      }
      values.put(key, number(series));
    }
    return values;
  }

  private JsonNode result(String promql) {
    String form = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    if (time != null) {
      form += "&time=" + URLEncoder.encode(time, StandardCharsets.UTF_8);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "?" + form))
            .timeout(QUERY_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw failure("could not be reached: no connection within 5 s");
    } catch (HttpTimeoutException e) {
      throw failure("did not answer within 10 s (query: " + promql + ")");
    } catch (ConnectException e) {
      throw failure("could not be reached: connection refused; is Prometheus listening there?");
    } catch (IOException e) {
      throw failure("could not be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("was not asked: interrupted");
    }
    return vector(promql, response);
  }

  private JsonNode vector(String promql, HttpResponse<String> response) {
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw failure(
          "did not answer like a Prometheus (HTTP "
              + response.statusCode()
              + ", not JSON: "
              + shown(response.body())
              + ")");
    }
    if (!"success".equals(body.path("status").asString(""))) {
      throw failure(
          "refused the query (HTTP "
              + response.statusCode()
              + ", "
              + body.path("errorType").asString("no errorType")
              + ": "
              + shown(body.path("error").asString("no error message"))
              + "; query: "
              + promql
              + ")");
    }
    JsonNode data = body.path("data");
    JsonNode result = data.path("result");
    if (!"vector".equals(data.path("resultType").asString("")) || !result.isArray()) {
      throw failure("answered without an instant vector (" + shown(body.toString()) + ")");
    }
    return result;
  }

  private Double number(JsonNode series) {
    JsonNode value = series.path("value");
    try {
      return Double.parseDouble(value.path(1).asString(""));
    } catch (NumberFormatException e) {
      throw failure("answered a sample that is not a number: " + shown(value.toString()));
    }
  }

  private InvalidInputException failure(String what) {
    return new InvalidInputException(FIELD, url, what);
  }

  private static String shown(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() > MAX_SHOWN ? flat.substring(0, MAX_SHOWN - 3) + "..." : flat;
  }
}
