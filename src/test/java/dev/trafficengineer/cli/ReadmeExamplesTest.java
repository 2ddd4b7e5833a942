package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.mcp.Operation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's examples, run, so that they cannot go stale. Blocks are discovered, not listed:
 * every {@code console} block runs (see {@link ConsoleExample}); a {@code text} block marked {@code
 * <!-- readme-test: stderr -->} (or {@code stderr excerpt}) is what the last command of the console
 * block before it printed on stderr (all of it, or consecutive lines of it); every {@code json}
 * block parses, and a client configuration in it launches {@code bin/traffic-engineer serve} with
 * the environment the launcher reads. A block marked {@code <!-- readme-test: skip REASON -->} is
 * reported as skipped with its reason.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("README.md");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static List<ReadmeBlock> blocks() {
    return ReadmeBlock.of(new String(ConsoleExample.read(README), StandardCharsets.UTF_8));
  }

  @TestFactory
  @DisplayName("every README example prints what the README shows")
  Stream<DynamicTest> examples() {
    List<DynamicTest> tests = new ArrayList<>();
    List<ReadmeBlock> blocks = blocks();
    for (int i = 0; i < blocks.size(); i++) {
      ReadmeBlock block = blocks.get(i);
      String marker = block.marker() == null ? "" : block.marker();
      if (marker.startsWith("skip")) {
        tests.add(
            DynamicTest.dynamicTest(
                block.name(),
                () -> Assumptions.abort("marked in the README: " + marker.substring(4).strip())));
      } else if (block.language().equals("console")) {
        tests.add(DynamicTest.dynamicTest(block.name(), () -> ConsoleExample.lastRun(block)));
      } else if (marker.startsWith("stderr")) {
        ReadmeBlock console = lastConsoleBefore(blocks, i);
        tests.add(DynamicTest.dynamicTest(block.name(), () -> checkStderr(console, block)));
      } else if (marker.equals("tool result")) {
        ReadmeBlock call = blocks.get(i - 1);
        tests.add(DynamicTest.dynamicTest(block.name(), () -> checkToolCall(call, block)));
      } else if (block.language().equals("json")) {
        tests.add(DynamicTest.dynamicTest(block.name(), () -> checkJson(block)));
      }
    }
    return tests.stream();
  }

  @Test
  @DisplayName("the README has runnable examples, and says why for each one it skips")
  void examplesAreFoundAndSkipsAreExplained() {
    List<ReadmeBlock> blocks = blocks();

    assertThat(blocks.stream().filter(block -> block.language().equals("console")))
        .hasSizeGreaterThanOrEqualTo(8);
    assertThat(blocks.stream().filter(block -> block.language().equals("json")))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(blocks)
        .filteredOn(block -> block.marker() != null && block.marker().startsWith("skip"))
        .allSatisfy(block -> assertThat(block.marker().substring(4).strip()).isNotEmpty());
  }

  @Test
  @DisplayName("commands to type say bin/traffic-engineer, as a fresh clone has it")
  void commandsToTypeUseTheLauncherPath() {
    String readme = new String(ConsoleExample.read(README), StandardCharsets.UTF_8);
    Streams streams = new Streams(new ByteArrayInputStream(new byte[0]), System.out, System.err);
    Set<String> commands =
        TrafficEngineerCommand.commandLine(streams, false).getSubcommands().keySet();

    Matcher bare = Pattern.compile("`traffic-engineer ([a-z-]+)").matcher(readme);
    List<String> found = new ArrayList<>();
    while (bare.find()) {
      if (commands.contains(bare.group(1))) {
        found.add(bare.group());
      }
    }
    assertThat(found).isEmpty();
  }

  private static ReadmeBlock lastConsoleBefore(List<ReadmeBlock> blocks, int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (blocks.get(i).language().equals("console")) {
        return blocks.get(i);
      }
    }
    throw new AssertionError(blocks.get(index).name() + ": no console block before it");
  }

  private static void checkStderr(ReadmeBlock console, ReadmeBlock block) {
    CliRun run = ConsoleExample.lastRun(console);
    List<String> shown = block.text().lines().toList();
    List<String> printed = run.err().lines().toList();
    if (block.marker().equals("stderr excerpt")) {
      assertThat(printed).as(block.name()).containsSubsequence(shown);
      assertThat(String.join("\n", printed)).as(block.name()).contains(String.join("\n", shown));
    } else {
      assertThat(OutputPattern.matches(shown, printed))
          .as("%s%n--- README shows:%n%s%n--- stderr:%n%s", block.name(), block.text(), run.err())
          .isTrue();
    }
  }

  /** The call runs through the same operation the MCP tool is; its result is the next block. */
  private static void checkToolCall(ReadmeBlock call, ReadmeBlock result) {
    assertThat(call.marker())
        .as(result.name() + ": the block before is the call")
        .isEqualTo("tool call");
    JsonNode params = JSON.readTree(call.text());
    Operation operation =
        Operation.all().stream()
            .filter(candidate -> candidate.name().equals(params.path("name").asString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(call.name() + ": no such tool"));

    Operation.Outcome outcome = operation.call(params.path("arguments").toString());

    assertThat(outcome.isError()).as(outcome.text()).isFalse();
    assertThat((JsonNode) JSON.valueToTree(outcome.structured()))
        .isEqualTo(JSON.readTree(result.text()));
  }

  private static void checkJson(ReadmeBlock block) {
    JsonNode json = JSON.readTree(block.text());
    JsonNode servers = json.has("mcpServers") ? json.get("mcpServers") : json.path("servers");
    for (JsonNode server : servers) {
      assertThat(server.path("command").asString())
          .as(block.name())
          .endsWith("/bin/traffic-engineer");
      assertThat(server.path("args").get(0).asString()).as(block.name()).isEqualTo("serve");
      assertThat(server.path("env").propertyNames())
          .as(block.name() + ": the client passes a minimal environment; env names the Java")
          .contains("JAVA_HOME");
    }
  }
}
