import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long life over Streamable HTTP with nothing but the JDK: CLIENTS sessions, each calling a mix
 * of tools at a fixed pace for MINUTES, against a server already listening at URL whose process is
 * PID (for RSS). Any answer that is not a JSON-RPC result with isError false counts as an error
 * (one tool call in the mix is refused on purpose and must come back isError true). Run by
 * bench/soak.sh; prints a Markdown report on stdout.
 */
public class Soak {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The mix: name, arguments, and whether the answer must be a refusal (isError true). */
  record Call(String tool, String arguments, boolean refused) {}

  private static final List<Call> MIX =
      List.of(
          new Call(
              "generate_canary",
              "{\"namespace\":\"task-api\",\"gateway\":\"task-api-gateway\",\"stableService\":"
                  + "\"task-api-stable\",\"canaryService\":\"task-api-canary\",\"port\":8000,"
                  + "\"canaryWeight\":5}",
              false),
          new Call("validate_route", "{\"yaml\":%s}", false),
          new Call(
              "simulate_traffic",
              "{\"yaml\":%s,\"requests\":[{\"path\":\"/api/x\",\"headers\":{\"x-api-tier\":"
                  + "\"premium\"}},{\"path\":\"/api/y\"}],\"sample\":{\"count\":1000,\"seed\":1}}",
              false),
          new Call("rollback_patch", "{\"routeYaml\":%s}", false),
          new Call(
              "analyze_canary",
              "{\"stable\":{\"requests\":1000,\"errors\":3},\"canary\":{\"requests\":100,"
                  + "\"errors\":12}}",
              false),
          new Call(
              "generate_canary",
              "{\"namespace\":\"task-api\",\"gateway\":\"task-api-gateway\",\"stableService\":"
                  + "\"task-api-stable\",\"canaryService\":\"task-api-canary\",\"port\":8000,"
                  + "\"canaryWeight\":150}",
              true));

  public static void main(String[] argv) throws Exception {
    URI url = URI.create(argv[0]);
    long pid = Long.parseLong(argv[1]);
    int clients = Integer.parseInt(argv[2]);
    double minutes = Double.parseDouble(argv[3]);
    double perSecond = Double.parseDouble(argv[4]);
    String route = Files.readString(Path.of(argv[5]));
    String quoted = jsonString(route);

    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ConcurrentHashMap<String, Long> errorKinds = new ConcurrentHashMap<>();
    long rssStart = rssKib(pid);
    Instant start = Instant.now();
    Instant end = start.plusMillis((long) (minutes * 60_000));
    long pauseNanos = (long) (1_000_000_000L / perSecond);
    List<Thread> threads = new ArrayList<>();
    List<long[]> samples = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread =
          new Thread(
                  () -> {
                    String session = null;
                    long next = System.nanoTime();
                    int i = client;
                    while (Instant.now().isBefore(end)) {
                      try {
                        if (session == null) {
                          session = initialize(url);
                        }
                        Call call = MIX.get(i++ % MIX.size());
                        String body =
                            "{\"jsonrpc\":\"2.0\",\"id\":"
                                + i
                                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                                + call.tool()
                                + "\",\"arguments\":"
                                + call.arguments().replace("%s", quoted)
                                + "}}";
                        String answer = post(url, session, body).body();
                        calls.incrementAndGet();
                        String expected =
                            call.refused() ? "\"isError\":true" : "\"isError\":false";
                        if (!answer.contains("\"result\"") || !answer.contains(expected)) {
                          errors.incrementAndGet();
                          errorKinds.merge(call.tool() + ": " + abbreviate(answer), 1L, Long::sum);
                        }
                      } catch (IOException | RuntimeException e) {
                        calls.incrementAndGet();
                        errors.incrementAndGet();
                        errorKinds.merge(e.toString(), 1L, Long::sum);
                        session = null;
                      } catch (InterruptedException e) {
                        return;
                      }
                      next += pauseNanos;
                      long wait = next - System.nanoTime();
                      if (wait > 0) {
                        try {
                          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    }
                  });
      thread.start();
      threads.add(thread);
    }
    Thread sampler =
        new Thread(
                () -> {
                  while (true) {
                    try {
                      Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                      return;
                    }
                    synchronized (samples) {
                      samples.add(
                          new long[] {
                            Duration.between(start, Instant.now()).toMinutes(), rssKib(pid)
                          });
                    }
                  }
                });
    sampler.setDaemon(true);
    sampler.start();
    for (Thread thread : threads) {
      thread.join();
    }
    sampler.interrupt();
    long rssEnd = rssKib(pid);
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "| clients | minutes | calls | calls/s | errors | RSS start (MiB) | RSS end (MiB) |%n"
                + "|---|---|---|---|---|---|---|%n| %d | %.1f | %,d | %.1f | %,d | %.1f | %.1f |%n",
            clients,
            seconds / 60,
            calls.get(),
            calls.get() / seconds,
            errors.get(),
            rssStart / 1024.0,
            rssEnd / 1024.0));
    report.append("\nRSS each minute (MiB):");
    synchronized (samples) {
      for (long[] sample : samples) {
        report.append(String.format(Locale.ROOT, " %d:%.0f", sample[0], sample[1] / 1024.0));
      }
    }
    report.append("\n");
    errorKinds.forEach((kind, count) -> report.append("- error ×" + count + ": " + kind + "\n"));
    System.out.print(report);
  }

  private static String initialize(URI url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        post(
            url,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{"
                + "\"name\":\"soak\",\"version\":\"1\"}}}");
    String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow(
        () -> new IOException("initialize answered without a session: " + response.body()));
    post(url, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }

  private static HttpResponse<String> post(URI url, String session, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (session != null) {
      request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
