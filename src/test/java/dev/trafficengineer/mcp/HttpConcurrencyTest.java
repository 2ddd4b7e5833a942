package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.mcp.ContractClient.ToolAnswer;
import dev.trafficengineer.mcp.http.McpHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many clients at once over HTTP, each with a session of its own: every call must succeed. The
 * latencies are reported (p50, p99), never asserted: timing belongs to benchmarks, not to tests.
 */
@DisplayName("HTTP under concurrent clients")
class HttpConcurrencyTest {
  private static final Path RESULTS = Path.of("target/http-concurrency.txt");
  private static final int CLIENTS = 16;
  private static final int CALLS = 50;
  private static final String CANARY =
      """
      {"namespace": "task-api", "gateway": "task-api-gateway", "stableService": "task-api-stable",
       "canaryService": "task-api-canary", "port": 8000, "canaryWeight": %d}""";

  @ParameterizedTest(name = "stateless={0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("16 clients making 50 calls each see no error")
  void sixteenClients(boolean stateless, TestReporter reporter) throws Exception {
    Collection<Long> latencies = new ConcurrentLinkedQueue<>();
    try (McpHttpServer server = LocalHttpServer.start(stateless)) {
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          clients.add(pool.submit(() -> calls(server, latencies)));
        }
        for (Future<Integer> client : clients) {
          assertThat(client.get()).isEqualTo(CALLS);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    List<Long> sorted = latencies.stream().sorted().toList();
    assertThat(sorted).hasSize(CLIENTS * CALLS);
    String line =
        String.format(
            Locale.ROOT,
            "%s: %d calls, p50 %.2f ms, p99 %.2f ms, max %.2f ms",
            stateless ? "stateless" : "streamable",
            sorted.size(),
            millis(sorted, 0.50),
            millis(sorted, 0.99),
            sorted.get(sorted.size() - 1) / 1e6);
    reporter.publishEntry("latency", line);
    // Also a file, where a person (or a report) finds it after mvn verify.
    Files.createDirectories(RESULTS.getParent());
    Files.writeString(RESULTS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** One client's calls; returns how many succeeded with the expected answer. */
  private static int calls(McpHttpServer server, Collection<Long> latencies) {
    int succeeded = 0;
    try (SdkClient client = SdkClient.http(server.endpoint())) {
      for (int call = 0; call < CALLS; call++) {
        int weight = call % 100;
        long start = System.nanoTime();
        ToolAnswer answer = client.callTool("generate_canary", CANARY.formatted(weight));
        latencies.add(System.nanoTime() - start);
        if (!answer.isError()
            && answer.structured().get("yaml").asString().contains("weight: " + weight)) {
          succeeded++;
        }
      }
    }
    return succeeded;
  }

  private static double millis(List<Long> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
