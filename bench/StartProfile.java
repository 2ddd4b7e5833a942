import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CPU goes on the way to the first answer. Starts the server (the launcher, with
 * async-profiler attached through JAVA_OPTS) several times; each run sends initialize and one
 * generate_canary call, waits for the answer and closes stdin, so the profile covers launch to first
 * answer plus a short shutdown. Merges the collapsed stacks of all runs and prints, as Markdown: CPU
 * time per thread, per library (the library owning the innermost frame that is not the JDK's), and
 * the start-up steps of this server's own code that cost most. Run by bench/profile-start.sh.
 *
 * <p>Arguments: OUT.md LAUNCHER AGENT_PATH INTERVAL_MICROS RUNS EVENT
 */
public class StartProfile {
  private static final String REQUESTS =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"profile\",\"version\":"
          + "\"1\"}}}\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"generate_canary\",\"arguments\":{\"namespace\":\"task-api\",\"gateway\":"
          + "\"task-api-gateway\",\"stableService\":\"task-api-stable\",\"canaryService\":"
          + "\"task-api-canary\",\"port\":8000,\"canaryWeight\":10,\"name\":\"task-api-combined\","
          + "\"pathPrefix\":\"/api/\",\"protectHeader\":{\"name\":\"x-api-tier\",\"value\":"
          + "\"premium\"}}}}\n";

  /** Package prefixes (as in collapsed stacks) and the library they belong to; first match wins. */
  private static final String[][] LIBRARIES = {
    {"dev/trafficengineer/", "traffic-engineer (our code)"},
    {"tools/jackson/", "Jackson 3 (MCP SDK and our JSON)"},
    {"com/fasterxml/jackson/", "Jackson 2 (fabric8 model)"},
    {"io/fabric8/", "fabric8 model"},
    {"reactor/", "Reactor (MCP SDK)"},
    {"io/modelcontextprotocol/", "MCP Java SDK"},
    {"com/networknt/", "networknt JSON Schema validator (SDK input checks)"},
    {"org/snakeyaml/", "SnakeYAML engine"},
    {"org/slf4j/", "SLF4J"},
    {"com/google/re2j/", "RE2/J"},
  };

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    String launcher = args[1];
    String agent = args[2];
    int interval = Integer.parseInt(args[3]);
    int runs = Integer.parseInt(args[4]);
    String event = args[5];
    Path dir = Files.createTempDirectory("start-profile");
    dir.toFile().deleteOnExit();
    List<String> lines = new ArrayList<>();
    long[] firstAnswer = new long[runs];
    for (int run = 0; run < runs; run++) {
      Path stacks = dir.resolve("run" + run + ".collapsed");
      firstAnswer[run] = profiledStart(launcher, agent, event, interval, stacks);
      lines.addAll(Files.readAllLines(stacks));
      Files.delete(stacks);
    }
    Arrays.sort(firstAnswer);
    Files.writeString(out, report(lines, interval, runs, event, firstAnswer));
    System.out.print(Files.readString(out));
  }

  private static long profiledStart(
      String launcher, String agent, String event, int interval, Path stacks)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(launcher, "serve").redirectError(ProcessBuilder.Redirect.DISCARD);
    builder
        .environment()
        .put(
            "JAVA_OPTS",
            "-agentpath:%s=start,event=%s,interval=%dus,threads,collapsed,file=%s"
                .formatted(agent, event, interval, stacks));
    long start = System.nanoTime();
    Process process = builder.start();
    OutputStream in = process.getOutputStream();
    in.write(REQUESTS.getBytes(StandardCharsets.UTF_8));
    in.flush();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null && !line.startsWith("{\"jsonrpc\":\"2.0\",\"id\":2,")) {
      // initialize's answer, or a notification
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    if (line == null) {
      throw new IllegalStateException("the server ended before answering generate_canary");
    }
    in.close();
    if (process.waitFor() != 0 || !Files.exists(stacks)) {
      throw new IllegalStateException("the profiled server did not exit cleanly");
    }
    return elapsed;
  }

  private static String report(
      List<String> lines, int interval, int runs, String event, long[] firstAnswer) {
    Map<String, Long> byThread = new HashMap<>();
    Map<String, Long> byLibrary = new HashMap<>();
    Map<String, Long> ourSteps = new HashMap<>();
    long total = 0;
    for (String line : lines) {
      int space = line.lastIndexOf(' ');
      long samples = Long.parseLong(line.substring(space + 1));
      String[] frames = line.substring(0, space).split(";");
      String thread = threadGroup(frames[0]);
      total += samples;
      byThread.merge(thread, samples, Long::sum);
      byLibrary.merge(library(thread, frames), samples, Long::sum);
      String step = ourStep(frames);
      if (step != null) {
        ourSteps.merge(step, samples, Long::sum);
      }
    }
    double msPerSample = interval / 1000.0 / runs;
    StringBuilder md = new StringBuilder();
    md.append("# Start-up profile: launch to the first answer\n\n")
        .append("Written by `bench/profile-start.sh` (by hand, not in CI). async-profiler, event `")
        .append(event)
        .append("`, a sample every ")
        .append(interval)
        .append(" µs of CPU, ")
        .append(runs)
        .append(" starts of the default launcher (`initialize` and one `generate_canary`, then")
        .append(" stdin closed), merged; CPU milliseconds are per start. The profiler itself adds")
        .append(" to the times.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "- launch to the generate_canary answer with the profiler: median %d ms (min %d,"
                    + " max %d)%n",
                firstAnswer[runs / 2],
                firstAnswer[0],
                firstAnswer[runs - 1]))
        .append(
            String.format(
                Locale.ROOT,
                "- CPU per start, all threads: %.0f ms%n%n",
                total * msPerSample));
    table(md, "CPU by thread", "thread", byThread, msPerSample, total, 20);
    table(
        md,
        "CPU by library (the innermost frame outside the JDK; JIT and GC by thread)",
        "library",
        byLibrary,
        msPerSample,
        total,
        20);
    table(
        md,
        "Our code's steps that cost most (the innermost frame of ours, and what it called)",
        "step",
        ourSteps,
        msPerSample,
        total,
        25);
    return md.toString();
  }

  private static void table(
      StringBuilder md,
      String title,
      String what,
      Map<String, Long> counts,
      double msPerSample,
      long total,
      int limit) {
    md.append("## ").append(title).append("\n\n| ").append(what).append(" | CPU ms | share |\n");
    md.append("|---|---:|---:|\n");
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach(
        (key, samples) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f %% |%n",
                    key.replace("|", "\\|"),
                    samples * msPerSample,
                    100.0 * samples / total)));
    md.append('\n');
  }

  /** "[C1 CompilerThre tid=123]" → "C1 CompilerThre"; worker threads numbered alike are one. */
  private static String threadGroup(String frame) {
    String name = frame.replaceAll("^\\[|\\s*tid=\\d+\\]$", "").trim();
    name = name.replaceAll("-\\d+$", "-N");
    return name.isEmpty() ? "(unnamed VM thread)" : name;
  }

  private static String library(String thread, String[] frames) {
    if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
      return "JIT compiler (C1/C2 threads)";
    }
    if (thread.equals("VM Thread") || thread.startsWith("GC")) {
      return "GC and safepoints (VM thread)";
    }
    for (int i = frames.length - 1; i > 0; i--) {
      for (String[] library : LIBRARIES) {
        if (frames[i].startsWith(library[0])) {
          return library[1];
        }
      }
    }
    return "JVM and JDK (start-up, class loading, no library frame)";
  }

  /** The innermost frame of our code and the frame it called, or null without one. */
  private static String ourStep(String[] frames) {
    for (int i = frames.length - 1; i > 0; i--) {
      if (frames[i].startsWith("dev/trafficengineer/")) {
        String step = simple(frames[i]);
        return i + 1 < frames.length ? step + " → " + simple(frames[i + 1]) : step;
      }
    }
    return null;
  }

  private static String simple(String frame) {
    return frame.replaceAll("\\$\\$Lambda\\$?[^.]*\\.0x[0-9a-f]+", "\\$\\$Lambda").replace('/', '.');
  }
}
