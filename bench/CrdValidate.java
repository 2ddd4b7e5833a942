import dev.trafficengineer.core.crd.CrdRouteValidator;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Validation against a given CRD, in one JVM: the default path (no CRD) through the old entry
 * (RouteValidator) and the new one (CrdRouteValidator), which must cost the same, then the same
 * routes judged by the CRD, cold (reading the CRD and compiling the rules it reaches) and warm.
 *
 * <p>Run by bench/crd-validate.sh: java -cp target/traffic-engineer.jar bench/CrdValidate.java
 * ROUTES CRD [RUNS]
 */
public class CrdValidate {
  public static void main(String[] args) throws Exception {
    String routes = Files.readString(Path.of(args[0]));
    String crd = Files.readString(Path.of(args[1]));
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 11;

    List<Long> cold = time(1, () -> check(CrdRouteValidator.validate(request(routes, crd))));
    List<Long> old = time(runs, () -> check(RouteValidator.validate(request(routes, null))));
    List<Long> entry = time(runs, () -> check(CrdRouteValidator.validate(request(routes, null))));
    List<Long> withCrd = time(runs, () -> check(CrdRouteValidator.validate(request(routes, crd))));

    report("default, RouteValidator", old);
    report("default, CrdRouteValidator", entry);
    report("with the CRD, first call", cold);
    report("with the CRD, warm", withCrd);
  }

  private static ValidateRequest request(String routes, String crd) {
    return new ValidateRequest(routes, null, crd, null);
  }

  private static int check(ValidationResult result) {
    if (!result.valid()) {
      throw new IllegalStateException("bench input must be valid: " + result.findings().get(0));
    }
    return result.findings().size();
  }

  private static List<Long> time(int runs, Supplier<Integer> work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Long> cpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = threads.getCurrentThreadCpuTime();
      work.get();
      // The machine is shared: this thread's CPU time leaves other processes' time out.
      cpu.add(threads.getCurrentThreadCpuTime() - start);
    }
    return cpu;
  }

  private static void report(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf(
        "%-28s CPU median %8.1f ms  min %8.1f ms  max %8.1f ms  (%d runs)%n",
        what,
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get(0) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6,
        sorted.size());
  }
}
