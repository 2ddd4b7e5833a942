package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 10,000-route review (6 MB, the benchmark's input) in a JVM of its own with the heap the
 * README promises: read one document at a time, proved with compact per-route facts, and reported
 * straight to stdout. Correctness only; how fast is bench/run.sh's business.
 */
@DisplayName("validate on 10,000 routes with a 64 MiB heap")
class BulkValidationTest {
  private static final BulkInput INPUT = BulkInput.of("bulk/ten-thousand.json");

  @TempDir static Path directory;
  private static Path routes;

  @BeforeAll
  static void writeInput() throws IOException {
    routes = INPUT.write(directory.resolve("routes.yaml"));
  }

  @Test
  @DisplayName("-o json: every finding, no OutOfMemoryError")
  void json() throws Exception {
    Path out = directory.resolve("findings.json");
    String err = validate(out, "json");

    Map<String, Integer> counts = new TreeMap<>();
    boolean valid;
    try (JsonParser parser = JsonMapper.builder().build().createParser(out.toFile())) {
      valid = countCodes(parser, counts);
    }
    assertThat(valid).as(err).isEqualTo(INPUT.expected().valid());
    assertThat(counts).as(err).isEqualTo(INPUT.expected().findings());
  }

  @Test
  @DisplayName("-o text: the report, with its totals")
  void text() throws Exception {
    Path out = directory.resolve("findings.txt");
    String err = validate(out, "text");

    int total = INPUT.expected().findings().values().stream().mapToInt(Integer::intValue).sum();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(lines.size() - 1))
        .as(err)
        .isEqualTo("valid: 0 errors, " + total + " other findings");
    assertThat(lines.stream().filter(line -> line.startsWith("  warning TE301 at /")).count())
        .isEqualTo(INPUT.expected().findings().get("TE301").longValue());
  }

  /** Runs {@code validate -f routes.yaml -o FORMAT} with stdout to {@code out}; returns stderr. */
  private static String validate(Path out, String format) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.add("-XX:+UseSerialGC");
    command.add(INPUT.heap());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("validate", "-f", routes.toString(), "-o", format));
    Path err = directory.resolve(format + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(stderr).doesNotContain("OutOfMemoryError");
    assertThat(process.exitValue()).as(stderr).isEqualTo(INPUT.expected().valid() ? 0 : 1);
    return stderr;
  }

  /** Counts the findings' codes without building the 14 MB answer as a tree; returns valid. */
  private static boolean countCodes(JsonParser parser, Map<String, Integer> counts) {
    boolean valid = false;
    int depth = 0;
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      } else if (token == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        if (depth == 1 && name.equals("valid")) {
          valid = parser.nextToken() == JsonToken.VALUE_TRUE;
        } else if (depth == 3 && name.equals("code")) {
          parser.nextToken();
          counts.merge(parser.getString(), 1, Integer::sum);
        }
      }
    }
    return valid;
  }
}
