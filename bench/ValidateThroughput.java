import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.YamlReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Validates one multi-document input (one call, as validate_route receives it) several times in
 * one JVM and prints the median, next to the median of parsing the same text alone: the baseline
 * that shows what the checks add on top of reading YAML.
 *
 * <p>Run by bench/validate-throughput.sh: java -cp target/traffic-engineer.jar
 * bench/ValidateThroughput.java FILE [RUNS]
 */
public class ValidateThroughput {
  public static void main(String[] args) throws Exception {
    String yaml = Files.readString(Path.of(args[0]));
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    int documents = YamlReader.read(yaml).size();

    List<Long> parse = time(runs, () -> YamlReader.read(yaml).size());
    List<Long> validate =
        time(
            runs,
            () -> {
              ValidationResult result = RouteValidator.validate(new ValidateRequest(yaml, null));
              if (!result.valid()) {
                throw new IllegalStateException("bench input must be valid: " + result);
              }
              return result.findings().size();
            });

    System.out.printf(
        "documents=%d bytes=%d runs=%d%n", documents, yaml.getBytes().length, runs);
    report("parse only (baseline)", parse, documents);
    report("validate", validate, documents);
    System.out.printf(
        "ratio validate/parse (median): %.2f%n",
        (double) median(validate) / median(parse));
    System.out.printf("first (cold) validate: %d ms%n", validate.get(0) / 1_000_000);
  }

  private static List<Long> time(int runs, Supplier<Integer> work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> nanos = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      work.get();
      cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
      nanos.add(System.nanoTime() - start);
    }
    // On a busy machine the wall clock counts other processes' time too; this thread's CPU time
    // does not (garbage collection on other threads is left out).
    System.out.printf("  (this thread's CPU time, median: %.1f ms)%n", median(cpu) / 1e6);
    return nanos;
  }

  private static void report(String what, List<Long> nanos, int documents) {
    long median = median(nanos);
    System.out.printf(
        "%-22s median %7.1f ms  (%.1f us per route)  min %7.1f ms  max %7.1f ms%n",
        what,
        median / 1e6,
        median / 1e3 / documents,
        Collections.min(nanos) / 1e6,
        Collections.max(nanos) / 1e6);
  }

  private static long median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
