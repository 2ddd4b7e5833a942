package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class MainTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final CanaryRequest LESSON_REQUEST =
      new CanaryRequest(
          "task-api",
          "task-api-gateway",
          "task-api-stable",
          "task-api-canary",
          8000,
          5,
          null,
          "task-api-canary",
          "/api/",
          null,
          null,
          null,
          null);

  @Nested
  @DisplayName("canary")
  class Canary {
    @Test
    @DisplayName("prints only the route YAML on stdout, ready for kubectl apply -f -")
    void lessonCanaryYaml() {
      CliRun run = CliRun.of(CliRun.LESSON_CANARY.toArray(String[]::new));

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo(CliRun.resource("lesson-canary.yaml"));
    }

    @Test
    @DisplayName("summarizes the split, notes and next commands on stderr")
    void summaryOnStderr() {
      CliRun run = CliRun.of(CliRun.LESSON_CANARY.toArray(String[]::new));

      assertThat(run.err())
          .contains("HTTPRoute task-api/task-api-canary")
          .contains("path prefix /api/: task-api-stable 95%, task-api-canary 5%")
          .contains("kubectl apply --dry-run=server -f task-api-canary-route.yaml")
          .contains("kubectl patch httproute task-api-canary -n task-api --type=json");
    }

    @Test
    @DisplayName("-o json prints the result record exactly as Jackson serializes it")
    void jsonIsTheResultRecord() {
      CliRun run = CliRun.of(with(CliRun.LESSON_CANARY, "-o", "json"));

      assertThat(run.exitCode()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(JSON.readTree(run.out()))
          .isEqualTo(JSON.valueToTree(CanaryGenerator.generate(LESSON_REQUEST)));
    }

    @Test
    @DisplayName("the output format is case-insensitive")
    void outputFormatIgnoresCase() {
      CliRun run = CliRun.of(with(CliRun.LESSON_CANARY, "-o", "JSON"));

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("{");
    }

    @Test
    @DisplayName("a protected header becomes the first rule")
    void protectHeader() {
      CliRun run = CliRun.of(with(CliRun.LESSON_CANARY, "--protect-header", "x-api-tier=premium"));

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("name: x-api-tier").contains("value: premium");
      assertThat(run.out().indexOf("x-api-tier")).isLessThan(run.out().indexOf("weight: 95"));
    }
  }

  @Nested
  @DisplayName("refused input")
  class RefusedInput {
    static Stream<Arguments> cases() {
      List<String> lesson = CliRun.LESSON_CANARY;
      return Stream.of(
          Arguments.of("port 0", replaced(lesson, "--port", "0"), "--port: 0"),
          Arguments.of("port 70000", replaced(lesson, "--port", "70000"), "--port: 70000"),
          Arguments.of("port not a number", replaced(lesson, "--port", "http"), "'--port'"),
          Arguments.of(
              "canary weight 150",
              replaced(lesson, "--canary-weight", "150"),
              "--canary-weight: 150"),
          Arguments.of(
              "namespace Task_API",
              replaced(lesson, "--namespace", "Task_API"),
              "--namespace: \"Task_API\""),
          Arguments.of(
              "name with a shell command",
              replaced(lesson, "--name", "x;rm -rf /"),
              "--name: \"x;rm -rf /\""),
          Arguments.of(
              "path prefix without a leading slash",
              replaced(lesson, "--path-prefix", "api/"),
              "--path-prefix"),
          Arguments.of(
              "path prefix with //", replaced(lesson, "--path-prefix", "/api//v1"), "'//'"),
          Arguments.of(
              "header without =",
              with(lesson, "--protect-header", "x-api-tier"),
              "--protect-header: \"x-api-tier\""),
          Arguments.of(
              "hostname in upper case",
              with(lesson, "--hostname", "API.example.com"),
              "--hostname"),
          Arguments.of(
              "the same Service twice",
              replaced(lesson, "--canary-service", "task-api-stable"),
              "--canary-service"),
          Arguments.of("unknown flag", with(lesson, "--canary-percent", "5"), "--canary-percent"),
          Arguments.of(
              "missing required flag", without(lesson, "--gateway"), "Missing required option"),
          Arguments.of("unknown output format", with(lesson, "-o", "xml"), "'xml'"),
          Arguments.of("no command", new String[0], "Missing command"),
          Arguments.of("unknown command", new String[] {"deploy"}, "'deploy'"),
          Arguments.of(
              "missing -f file",
              new String[] {"premium", "-f", "/no/such/route.yaml", "--service", "task-api-stable"},
              "--file: \"/no/such/route.yaml\" cannot be read: no such file"),
          Arguments.of(
              "A/B header without =",
              new String[] {
                "ab-test",
                "-n",
                "task-api",
                "--gateway",
                "task-api-gateway",
                "--stable-service",
                "task-api-stable",
                "--test-service",
                "task-api-b",
                "--port",
                "8000",
                "--header",
                "x-variant"
              },
              "--header: \"x-variant\""),
          Arguments.of(
              "header type without header",
              new String[] {"premium", "-f", "-", "--service", "s", "--header-type", "Exact"},
              "--header"),
          Arguments.of(
              "decide flag with a value",
              new String[] {"decide", "--compliance", "maybe"},
              "maybe"),
          Arguments.of(
              "stages not numbers",
              new String[] {
                "plan",
                "-n",
                "task-api",
                "--gateway",
                "g",
                "--stable-service",
                "a",
                "--canary-service",
                "b",
                "--port",
                "8000",
                "--stages",
                "5,half,100"
              },
              "'half'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("exit 2, one line on stderr naming the problem, nothing on stdout")
    void oneLineAndExit2(String description, String[] args, String mentioned) {
      CliRun run = CliRun.of(args);

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.errLines()).hasSize(1);
      assertThat(run.errLines().get(0)).startsWith("error: ").contains(mentioned);
    }

    @Test
    @DisplayName("usage errors point to the command's help")
    void usageErrorPointsToHelp() {
      CliRun run = CliRun.of(without(CliRun.LESSON_CANARY, "--port"));

      assertThat(run.err()).endsWith("; try 'traffic-engineer canary --help'\n");
    }
  }

  @Nested
  @DisplayName("help and version")
  class Help {
    @ParameterizedTest(name = "{0} --help")
    @ValueSource(
        strings = {"canary", "blue-green", "ab-test", "premium", "plan", "decide", "serve"})
    @DisplayName("every subcommand's help exits 0 and shows a realistic example")
    void subcommandHelp(String command) {
      CliRun run = CliRun.of(command, "--help");

      assertThat(run.exitCode()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out())
          .startsWith("Usage: traffic-engineer " + command)
          .contains("Example")
          .contains("traffic-engineer " + command + " ");
    }

    @Test
    @DisplayName("the canary help shows the lesson's command")
    void canaryHelpShowsTheLesson() {
      assertThat(CliRun.of("canary", "-h").out())
          .contains("--canary-service task-api-canary --port 8000 --canary-weight 5")
          .contains("5% of /api/");
    }

    @Test
    @DisplayName("the top-level help lists every command and the exit codes")
    void topLevelHelp() {
      CliRun run = CliRun.of("--help");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("canary", "blue-green", "ab-test", "premium", "plan", "decide", "serve")
          .contains("Exit codes");
    }

    @Test
    @DisplayName("--version exits 0 and names the tool")
    void version() {
      CliRun run = CliRun.of("--version");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("traffic-engineer ");
    }
  }

  static String[] with(List<String> args, String... more) {
    List<String> result = new ArrayList<>(args);
    result.addAll(List.of(more));
    return result.toArray(String[]::new);
  }

  static String[] replaced(List<String> args, String flag, String value) {
    List<String> result = new ArrayList<>(args);
    result.set(result.indexOf(flag) + 1, value);
    return result.toArray(String[]::new);
  }

  static String[] without(List<String> args, String flag) {
    List<String> result = new ArrayList<>(args);
    int at = result.indexOf(flag);
    result.remove(at + 1);
    result.remove(at);
    return result.toArray(String[]::new);
  }
}
