import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives MCP servers over stdio the way a client does, with nothing but the JDK, and measures in
 * one run: cold start (launch to the first tools/call answer) interleaved across servers, warm
 * per-call latency, validation throughput and peak RSS. Run by bench/run.sh, which installs the
 * comparison servers and writes the inputs; see that script for the arguments.
 */
public class McpBench {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  /** A server to start: a label, its command, its environment and the tool its first call uses. */
  record Server(
      String name, List<String> command, Map<String, String> env, String tool, String args) {
    /** The name, with the environment that makes a variant when there is one. */
    String label() {
      if (env.isEmpty() || !tool.equals("generate_canary")) {
        return name;
      }
      List<String> settings = new ArrayList<>();
      env.forEach((k, v) -> settings.add(k + "=" + v));
      return name + " (`" + String.join(" ", settings) + "`)";
    }
  }

  /**
   * One cold launch: milliseconds to the initialize answer and to the first tools/call answer, the
   * CPU time the process had used by then (user and system; less sensitive to a busy machine than
   * the wall clock), and peak RSS in KiB.
   */
  record Cold(double initMillis, double millis, double cpuMillis, long rssKib) {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = options(argv);
    int rounds = Integer.parseInt(a.getOrDefault("rounds", "15"));
    int calls = Integer.parseInt(a.getOrDefault("calls", "2000"));
    int throughputRuns = Integer.parseInt(a.getOrDefault("throughput-runs", "5"));
    String launcher = a.get("te");
    String routeYaml = Files.readString(Path.of(a.get("route")));
    String manyRoutes = Files.readString(Path.of(a.get("routes")));
    String kubeconfig = a.get("kubeconfig");

    String canaryArgs =
        "{\"namespace\":\"task-api\",\"gateway\":\"task-api-gateway\",\"stableService\":"
            + "\"task-api-stable\",\"canaryService\":\"task-api-canary\",\"port\":8000,"
            + "\"canaryWeight\":10,\"name\":\"task-api-combined\",\"pathPrefix\":\"/api/\","
            + "\"protectHeader\":{\"name\":\"x-api-tier\",\"value\":\"premium\"}}";
    String validateArgs =
        "{\"yaml\":"
            + quote(routeYaml)
            + ",\"expect\":{\"namespace\":\"task-api\",\"gateway\":\"task-api-gateway\","
            + "\"split\":{\"task-api-stable\":90,\"task-api-canary\":10},\"protect\":{\"header\":"
            + "\"x-api-tier\",\"value\":\"premium\",\"service\":\"task-api-stable\"}}}";

    List<Server> servers = new ArrayList<>();
    servers.add(
        new Server(
            "traffic-engineer",
            List.of(launcher, "serve"),
            Map.of(),
            "generate_canary",
            canaryArgs));
    for (String variant : a.getOrDefault("variants", "").split(";")) {
      if (!variant.isBlank()) {
        // name=WORDS: words NAME=VALUE with an upper-case NAME set the environment, the rest
        // are JAVA_OPTS.
        String[] parts = variant.split("=", 2);
        Map<String, String> env = new LinkedHashMap<>();
        List<String> javaOpts = new ArrayList<>();
        for (String word : parts[1].trim().split("\\s+")) {
          if (word.matches("[A-Z_][A-Z0-9_]*=.*")) {
            env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
          } else {
            javaOpts.add(word);
          }
        }
        if (!javaOpts.isEmpty()) {
          env.put("JAVA_OPTS", String.join(" ", javaOpts));
        }
        servers.add(
            new Server(
                "te " + parts[0], List.of(launcher, "serve"), env, "generate_canary", canaryArgs));
      }
    }
    if (a.containsKey("go")) {
      servers.add(
          new Server(
              "kubernetes-mcp-server (Go)",
              List.of(a.get("go"), "--kubeconfig", kubeconfig, "--read-only"),
              Map.of("KUBECONFIG", kubeconfig),
              "configuration_view",
              "{\"minified\":true}"));
    }
    if (a.containsKey("node")) {
      servers.add(
          new Server(
              "server-everything (Node)",
              List.of("node", a.get("node"), "stdio"),
              Map.of(),
              "echo",
              "{\"message\":\"hi\"}"));
    }

    String loadBefore = loadAverage();
    // Cold start: every round launches each server once, rotating the order, so drift in the
    // machine's load touches all of them alike. One untimed launch each first fills the caches
    // (and lets the launcher build its class-data archive).
    for (Server server : servers) {
      cold(server);
    }
    Map<String, List<Cold>> colds = new LinkedHashMap<>();
    servers.forEach(s -> colds.put(s.name(), new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < servers.size(); i++) {
        Server server = servers.get((round + i) % servers.size());
        colds.get(server.name()).add(cold(server));
      }
    }
    String loadAfterCold = loadAverage();

    // Warm: one session per server, the calls alternating between the two tools measured; then,
    // in the same session, the 10,000 routes.
    Map<String, double[]> warm = new LinkedHashMap<>();
    Map<String, double[]> throughputs = new LinkedHashMap<>();
    Map<String, Long> warmRss = new LinkedHashMap<>();
    String manyArgs = "{\"yaml\":" + quote(manyRoutes) + "}";
    for (Server te : servers) {
      if (!te.tool().equals("generate_canary")) {
        continue;
      }
      try (Session session = new Session(te)) {
        session.initialize();
        String[] tools = {"validate_route", "generate_canary"};
        String[] args = {validateArgs, canaryArgs};
        for (int i = 0; i < 1000; i++) {
          session.call(tools[i % 2], args[i % 2]);
        }
        double[][] nanos = new double[2][calls];
        for (int i = 0; i < 2 * calls; i++) {
          long start = System.nanoTime();
          String answer = session.call(tools[i % 2], args[i % 2]);
          nanos[i % 2][i / 2] = System.nanoTime() - start;
          if (i < 2 && answer.contains("\"isError\":true")) {
            throw new IllegalStateException(tools[i % 2] + " failed: " + answer);
          }
        }
        warm.put(te.label() + " validate_route", nanos[0]);
        warm.put(te.label() + " generate_canary", nanos[1]);

        double[] throughput = new double[throughputRuns];
        for (int i = 0; i < throughputRuns; i++) {
          long start = System.nanoTime();
          String answer = session.call("validate_route", manyArgs);
          throughput[i] = (System.nanoTime() - start) / 1e6;
          if (!answer.contains("\"valid\":true")) {
            throw new IllegalStateException("10,000 routes not valid: " + abbreviate(answer));
          }
        }
        throughputs.put(te.label(), throughput);
        warmRss.put(te.label(), session.peakRssKib());
      }
    }
    for (Server server : servers) {
      if (server.tool().equals("generate_canary")) {
        continue;
      }
      try (Session session = new Session(server)) {
        session.initialize();
        for (int i = 0; i < 1000; i++) {
          session.call(server.tool(), server.args());
        }
        double[] nanos = new double[calls];
        for (int i = 0; i < calls; i++) {
          long start = System.nanoTime();
          session.call(server.tool(), server.args());
          nanos[i] = System.nanoTime() - start;
        }
        warm.put(server.name() + " " + server.tool(), nanos);
      }
    }
    Server te = servers.get(0);
    String xmx = null;
    if (a.containsKey("routes")) {
      // Memory: the same launcher with a 64 MiB heap must serve the 10,000-route validation; the
      // idle server's resident memory is read after initialize and a second of rest.
      Server small =
          new Server("te -Xmx64m", te.command(), Map.of("JAVA_OPTS", "-Xmx64m"), te.tool(), te.args());
      long idleKib;
      try (Session idle = new Session(te)) {
        idle.initialize();
        Thread.sleep(1000);
        idleKib = idle.rssKib();
      }
      try (Session session = new Session(small)) {
        session.initialize();
        double[] millis = new double[throughputRuns];
        String verdict = "valid";
        for (int i = 0; i < throughputRuns; i++) {
          long start = System.nanoTime();
          String answer = session.call("validate_route", manyArgs);
          millis[i] = (System.nanoTime() - start) / 1e6;
          if (!answer.contains("\"valid\":true")) {
            verdict = "FAILED " + abbreviate(answer);
          }
        }
        xmx =
            String.format(
                Locale.ROOT,
                "With `JAVA_OPTS=-Xmx64m`: 10,000 routes validated in one call (%d calls): %s, median"
                    + " %.0f ms (first %.0f ms), peak RSS %.0f MiB.%n%nIdle stdio server (default"
                    + " launcher, after initialize and 1 s): RSS %.0f MiB.",
                throughputRuns,
                verdict,
                median(millis),
                millis[0],
                session.peakRssKib() / 1024.0,
                idleKib / 1024.0);
      }
    }
    String loadAfter = loadAverage();

    String report =
        report(
            a, servers, colds, warm, throughputs, warmRss, rounds, calls,
            List.of(loadBefore, loadAfterCold, loadAfter), manyRoutes, xmx);
    System.out.print(report);
    if (a.containsKey("out")) {
      Files.writeString(Path.of(a.get("out")), report);
    }
  }

  private static Cold cold(Server server) throws Exception {
    long start = System.nanoTime();
    try (Session session = new Session(server)) {
      session.initialize();
      double init = (System.nanoTime() - start) / 1e6;
      String answer = session.call(server.tool(), server.args());
      double millis = (System.nanoTime() - start) / 1e6;
      if (answer.contains("\"isError\":true")) {
        throw new IllegalStateException(server.name() + ": " + abbreviate(answer));
      }
      return new Cold(init, millis, session.cpuMillis(), session.peakRssKib());
    }
  }

  /** A server process spoken to line by line; stderr is drained and kept for a failure message. */
  static final class Session implements AutoCloseable {
    private static final String END = new String("end of output");
    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder err = new StringBuilder();
    private int nextId = 2;

    Session(Server server) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(server.command());
      builder.environment().putAll(server.env());
      process = builder.start();
      in = process.getOutputStream();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // the process is gone
                }
                lines.add(END);
              },
              "stdout");
      reader.setDaemon(true);
      reader.start();
      Thread drain = new Thread(() -> drain(process.getErrorStream()), "stderr");
      drain.setDaemon(true);
      drain.start();
    }

    void initialize() throws IOException {
      send(INITIALIZE);
      await(1);
      send(INITIALIZED);
    }

    String call(String tool, String args) throws IOException {
      int id = nextId++;
      send(
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
              + tool
              + "\",\"arguments\":"
              + args
              + "}}");
      return await(id);
    }

    long peakRssKib() throws IOException {
      return status("VmHWM:");
    }

    long rssKib() throws IOException {
      return status("VmRSS:");
    }

    private long status(String field) throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      return -1;
    }

    /** User plus system CPU time of the process so far (clock ticks of 10 ms). */
    double cpuMillis() throws IOException {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    private void send(String line) throws IOException {
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    /** Reads lines until the response to {@code id}; anything else on stdout must be JSON. */
    private String await(int id) throws IOException {
      String idField = "\"id\":" + id;
      while (true) {
        String line;
        try {
          line = lines.poll(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        }
        if (line == null) {
          throw new IOException("no answer to " + id + " in 120 s; stderr: " + abbreviate(stderr()));
        }
        if (line == END) {
          throw new IOException("server closed stdout; stderr: " + abbreviate(stderr()));
        }
        if (!line.startsWith("{")) {
          throw new IOException("not JSON-RPC on stdout: " + abbreviate(line));
        }
        if (line.contains(idField + ",") || line.contains(idField + "}")) {
          return line;
        }
      }
    }

    private void drain(InputStream stream) {
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = stream.read(buffer)) > 0; ) {
          synchronized (err) {
            if (err.length() < 20_000) {
              err.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    }

    private String stderr() {
      synchronized (err) {
        return err.toString();
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroy();
          process.waitFor(2, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static String report(
      Map<String, String> a,
      List<Server> servers,
      Map<String, List<Cold>> colds,
      Map<String, double[]> warm,
      Map<String, double[]> throughputs,
      Map<String, Long> warmRss,
      int rounds,
      int calls,
      List<String> loads,
      String manyRoutes,
      String xmx)
      throws IOException {
    StringBuilder r = new StringBuilder();
    r.append("# Benchmark results\n\n");
    r.append("Written by `bench/run.sh` (by hand, not in CI). One run, servers interleaved.\n\n");
    r.append("- date: ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append('\n');
    r.append("- machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, ")
        .append(memTotal())
        .append(" memory; ")
        .append(a.getOrDefault("java-version", "?"))
        .append('\n');
    r.append("- load average (1, 5, 15 min): before ")
        .append(loads.get(0))
        .append("; after cold starts ")
        .append(loads.get(1))
        .append("; at the end ")
        .append(loads.get(2))
        .append('\n');
    r.append("- traffic-engineer: `bin/traffic-engineer serve` (the default launcher)")
        .append(a.containsKey("te-note") ? "; " + a.get("te-note") : "")
        .append('\n');
    r.append(
        "- kubernetes-mcp-server: the Go binary from its npm package, started directly (not"
            + " through the npm Node wrapper), `--read-only` with a dummy kubeconfig pointing at"
            + " 127.0.0.1; its first call is `configuration_view`, which reads only the kubeconfig\n");
    r.append("- server-everything: `node dist/index.js stdio`; its first call is `echo`\n\n");

    double teMedian = median(colds.get(servers.get(0).name()).stream().mapToDouble(Cold::millis).toArray());
    Double goMedian =
        colds.entrySet().stream()
            .filter(e -> e.getKey().contains("(Go)"))
            .map(e -> median(e.getValue().stream().mapToDouble(Cold::millis).toArray()))
            .findFirst()
            .orElse(null);
    r.append("## Cold start: launch → first tools/call answer (")
        .append(rounds)
        .append(" launches each)\n\n");
    r.append(
        "| server | first call | median ms | min ms | max ms | ÷ traffic-engineer | ÷ Go |"
            + " initialize answered, median ms | CPU ms used, median | peak RSS MiB, median |\n");
    r.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Server server : servers) {
      List<Cold> c = colds.get(server.name());
      double[] ms = c.stream().mapToDouble(Cold::millis).toArray();
      double med = median(ms);
      r.append(
          String.format(
              Locale.ROOT,
              "| %s%s | %s | %.0f | %.0f | %.0f | %.2f | %s | %.0f | %.0f | %.0f |%n",
              server.label(),
              "",
              server.tool(),
              med,
              Arrays.stream(ms).min().orElse(0),
              Arrays.stream(ms).max().orElse(0),
              med / teMedian,
              goMedian == null ? "–" : String.format(Locale.ROOT, "%.2f", med / goMedian),
              median(c.stream().mapToDouble(Cold::initMillis).toArray()),
              median(c.stream().mapToDouble(Cold::cpuMillis).toArray()),
              median(c.stream().mapToDouble(x -> x.rssKib() / 1024.0).toArray())));
    }
    r.append("\n## Warm per-call latency over one stdio session (")
        .append(calls)
        .append(" calls each after 1,000 warm-up calls; round trip seen by the client)\n\n");
    r.append("| server and tool | p50 µs | p90 µs | p99 µs | max µs |\n|---|---:|---:|---:|---:|\n");
    for (Map.Entry<String, double[]> e : warm.entrySet()) {
      double[] s = e.getValue().clone();
      Arrays.sort(s);
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.0f |%n",
              e.getKey(),
              pct(s, 50) / 1e3,
              pct(s, 90) / 1e3,
              pct(s, 99) / 1e3,
              s[s.length - 1] / 1e3));
    }
    r.append(
        String.format(
            Locale.ROOT,
            "%n## Validation throughput and memory%n%n%,d routes (%,d bytes of YAML) in one"
                + " `validate_route` call over stdio, in the warm session (%d calls); peak RSS of"
                + " that session at its end%n%n",
            manyRoutes.split("\n---\n|^---\n").length - 1,
            manyRoutes.getBytes(StandardCharsets.UTF_8).length,
            throughputs.values().iterator().next().length));
    r.append("| server | median ms | first ms | min ms | max ms | peak RSS MiB |\n");
    r.append("|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, double[]> e : throughputs.entrySet()) {
      double[] t = e.getValue().clone();
      Arrays.sort(t);
      r.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
              e.getKey(),
              median(t),
              e.getValue()[0],
              t[0],
              t[t.length - 1],
              warmRss.get(e.getKey()) / 1024.0));
    }
    if (xmx != null) {
      r.append("\n").append(xmx).append('\n');
    }
    return r.toString();
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    if (s.length == 0) {
      return Double.NaN;
    }
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double pct(double[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  private static String loadAverage() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + ", " + parts[1] + ", " + parts[2];
  }

  private static String memTotal() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0);
      }
    }
    return "?";
  }

  private static Map<String, String> options(String[] argv) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : argv) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "..." : text;
  }
}
