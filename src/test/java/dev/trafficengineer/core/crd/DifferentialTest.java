package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The built-in checks (the hand copy of the v1.6.1 standard CRD) against the CRD engine on that
 * very CRD, over seeded mutations of the corpus. Each disagreement is classed by direction,
 * mutation and field; a class not in {@code differential-allow-list.txt} fails the test, so a new
 * difference cannot slip in, and so does an entry no class matches any more, so a settled
 * difference cannot stay excused. The report (agreement rate and classes) is written to
 * target/differential-report.txt.
 */
class DifferentialTest {

  static final long SEED = 20_261_128L;
  static final int COUNT = 8_000;
  private static final Path ALLOW_LIST =
      Path.of("src/test/resources/crd/differential-allow-list.txt");

  /** Disagreements of one class: how many, and the first example's verdicts. */
  private static final class Disagreement {
    int count;
    String example;
  }

  @Test
  @DisplayName("built-in checks and the v1.6.1 standard CRD agree, but for the reviewed classes")
  void builtInAgreesWithTheCrd() throws IOException {
    SharedCrds.assumePresent();
    Map<String, RouteCrd> crds =
        Map.of(
            "HTTPRoute", SharedCrds.crd("v1.6.1", "standard", "httproutes"),
            "GRPCRoute", SharedCrds.crd("v1.6.1", "standard", "grpcroutes"));
    List<JsonNode> corpus = new ArrayList<>();
    for (String folder : List.of("valid", "grpc-valid")) {
      for (Path file : SharedCrds.corpus(folder)) {
        corpus.add(YamlReader.read(SharedCrds.read(file)).get(0).tree());
      }
    }
    Random pickRoute = new Random(SEED);
    RouteMutator mutator = new RouteMutator(SEED);
    Map<String, Disagreement> classes = new TreeMap<>();
    int agreed = 0;
    int bothReject = 0;
    for (int i = 0; i < COUNT; i++) {
      JsonNode base = corpus.get(pickRoute.nextInt(corpus.size()));
      RouteMutator.Mutant mutant = mutator.mutate(base);
      RouteCrd crd = crds.get(base.path("kind").asString());
      List<Violation> crdVerdict = RouteJudge.judge(mutant.route(), crd, new CelBudget());
      List<Finding> builtIn = builtInErrors(mutant.route().toString());
      boolean crdRejects = !crdVerdict.isEmpty();
      boolean builtInRejects = !builtIn.isEmpty();
      if (crdRejects == builtInRejects) {
        agreed++;
        bothReject += crdRejects ? 1 : 0;
        continue;
      }
      String key =
          (builtInRejects ? "builtin-only" : "crd-only")
              + "|"
              + mutant.operator()
              + "|"
              + mutant.shape();
      Disagreement disagreement = classes.computeIfAbsent(key, k -> new Disagreement());
      if (disagreement.count++ == 0) {
        disagreement.example =
            builtInRejects
                ? builtIn.get(0).code() + " " + builtIn.get(0).message()
                : crdVerdict.get(0).toString();
      }
    }
    List<AllowEntry> allowed = AllowEntry.read(ALLOW_LIST);
    List<String> unexplained = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "seed %d, %d mutants: %d agree (%.2f %%; %d both reject), %d disagree in %d classes%n",
            SEED,
            COUNT,
            agreed,
            100.0 * agreed / COUNT,
            bothReject,
            COUNT - agreed,
            classes.size()));
    classes.forEach(
        (key, d) -> {
          AllowEntry entry = AllowEntry.match(allowed, key);
          report.append(String.format("%5d  %s%n       e.g. %s%n", d.count, key, d.example));
          report.append("       ").append(entry == null ? "NOT IN THE ALLOW-LIST" : entry.reason);
          report.append('\n');
          if (entry == null) {
            unexplained.add(key);
          }
        });
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/differential-report.txt"), report);
    System.out.print(report);
    assertThat(unexplained).as("disagreement classes not in %s", ALLOW_LIST).isEmpty();
    assertThat(allowed)
        .as("entries of %s that no disagreement matches any more: remove them", ALLOW_LIST)
        .allMatch(entry -> classes.keySet().stream().anyMatch(entry::matches));
  }

  private static List<Finding> builtInErrors(String json) {
    return RouteValidator.validate(new ValidateRequest(json, null)).findings().stream()
        .filter(f -> f.code().startsWith("TE1") && f.severity().equals(Finding.ERROR))
        .toList();
  }

  /** {@code direction|operator|shape — who fixes it: why}; {@code *} matches any run of text. */
  private record AllowEntry(Pattern pattern, String reason) {
    static List<AllowEntry> read(Path file) throws IOException {
      List<AllowEntry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int dash = line.indexOf(" — ");
        String glob = (dash < 0 ? line : line.substring(0, dash)).trim();
        String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q");
        entries.add(
            new AllowEntry(Pattern.compile(regex), dash < 0 ? "" : line.substring(dash + 3)));
      }
      return entries;
    }

    boolean matches(String key) {
      return pattern.matcher(key).matches();
    }

    static AllowEntry match(List<AllowEntry> entries, String key) {
      return entries.stream().filter(e -> e.matches(key)).findFirst().orElse(null);
    }
  }
}
