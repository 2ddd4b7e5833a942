package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The order in which a client and the server see an initialize answer, made deterministic: the
 * client's next request arrives while the filter has not yet returned from the initialize. Over
 * real HTTP this happened in about one run of twelve of ClusterWritesEndToEndTest: the next request
 * got 404, and the SDK client went on without a session (400 "Session ID required").
 */
@DisplayName("SessionFilter: a session is known from the moment its id is sent")
class SessionFilterTest {
  private final SessionFilter filter =
      new SessionFilter(new SessionLimits(Duration.ofMinutes(30), 10));

  @Test
  @DisplayName(
      "the next request, sent before the initialize has left the filter, finds its session")
  void nextRequestDuringInitialize() throws Exception {
    Map<String, Object> next = new HashMap<>();
    FilterChain sdk =
        (request, response) -> {
          ((HttpServletResponse) response).setHeader("Mcp-Session-Id", "s-1");
          HttpServletResponse nextResponse = response(next);
          filter.doFilter(request("POST", "s-1"), nextResponse, (req, res) -> {});
        };

    filter.doFilter(request("POST", null), response(new HashMap<>()), sdk);

    assertThat(next.get("status")).as("status of the next request").isNull();
  }

  @Test
  @DisplayName("an initialize the SDK refused (no session id) gives its place back")
  void refusedInitializeFreesItsPlace() throws Exception {
    SessionFilter one = new SessionFilter(new SessionLimits(Duration.ofMinutes(30), 1));
    one.doFilter(request("POST", null), response(new HashMap<>()), (req, res) -> {});
    Map<String, Object> second = new HashMap<>();

    one.doFilter(request("POST", null), response(second), (req, res) -> {});

    assertThat(second.get("status")).isNull();
  }

  private static HttpServletRequest request(String method, String session) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            SessionFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "getMethod" -> method;
                  case "getHeader" ->
                      "Mcp-Session-Id".equalsIgnoreCase((String) args[0]) ? session : null;
                  case "isAsyncStarted" -> false;
                  default -> null;
                });
  }

  /** A response that records its status and headers; an error body is not needed here. */
  private static HttpServletResponse response(Map<String, Object> seen) {
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            SessionFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "setStatus" -> {
                    seen.put("status", args[0]);
                    yield null;
                  }
                  case "setHeader", "addHeader" -> {
                    seen.put((String) args[0], args[1]);
                    yield null;
                  }
                  case "getHeader" -> seen.get((String) args[0]);
                  case "getStatus" -> seen.getOrDefault("status", 200);
                  case "getOutputStream" ->
                      new jakarta.servlet.ServletOutputStream() {
                        @Override
                        public boolean isReady() {
                          return true;
                        }

                        @Override
                        public void setWriteListener(jakarta.servlet.WriteListener listener) {}

                        @Override
                        public void write(int b) {}
                      };
                  default -> null;
                });
  }
}
