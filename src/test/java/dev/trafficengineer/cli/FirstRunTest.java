package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a newcomer hit on a fresh clone (issue 13, item 6), each pinned by the command typed. */
class FirstRunTest {
  private static final Path FIXTURES = Path.of("src/test/resources/cli/newcomer");

  private static String fixture(String name) {
    return FIXTURES.resolve(name).toString();
  }

  @Nested
  @DisplayName("top-level --help")
  class TopLevelHelp {
    @Test
    @DisplayName("gives every command a whole sentence, none cut mid-sentence")
    void everyCommandDescriptionIsASentence() {
      CliRun run = CliRun.of("--help");

      List<String> descriptions = commandDescriptions(run.out());
      assertThat(descriptions).hasSizeGreaterThanOrEqualTo(16);
      assertThat(descriptions).allSatisfy(text -> assertThat(text).endsWith("."));
      assertThat(descriptions)
          .anySatisfy(text -> assertThat(text).startsWith("serve "))
          .anySatisfy(text -> assertThat(text).startsWith("get "))
          .anySatisfy(text -> assertThat(text).startsWith("diff "));
    }

    /** The lines under "Commands:", each command's description joined across wrapped lines. */
    private static List<String> commandDescriptions(String help) {
      List<String> descriptions = new ArrayList<>();
      boolean inCommands = false;
      for (String line : help.lines().toList()) {
        if (line.equals("Commands:")) {
          inCommands = true;
        } else if (inCommands && line.isBlank()) {
          break;
        } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
          descriptions.add(line.strip().replaceAll("\\s+", " "));
        } else if (inCommands) {
          int last = descriptions.size() - 1;
          descriptions.set(last, descriptions.get(last) + " " + line.strip());
        }
      }
      return descriptions;
    }
  }

  @Nested
  @DisplayName("a mistyped command line")
  class Typos {
    @Test
    @DisplayName("names the command meant")
    void commandTypo() {
      CliRun run = CliRun.of("rollbak", "-f", "route.yaml");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "error: Unknown command: 'rollbak' (did you mean 'rollback'?);"
                  + " try 'traffic-engineer --help'\n");
    }

    @Test
    @DisplayName("names the option meant, even when a required option is missing too")
    void optionTypo() {
      List<String> args = new ArrayList<>(CliRun.LESSON_CANARY);
      args.set(args.indexOf("--canary-weight"), "--canary-wieght");

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "error: Unknown option: '--canary-wieght' (did you mean '--canary-weight'?);"
                  + " try 'traffic-engineer canary --help'\n");
    }

    @Test
    @DisplayName("-namespace with one dash is refused, not read as -n amespace")
    void singleDashLongOption() {
      CliRun run =
          CliRun.of(
              "rollback",
              "--name",
              "task-api-canary",
              "-namespace",
              "task-api",
              "--canary-service",
              "task-api-canary");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "error: Unknown option: '-namespace' (did you mean '--namespace'?);"
                  + " try 'traffic-engineer rollback --help'\n");
    }

    @Test
    @DisplayName("a value glued to a short option is refused with the spelling that works")
    void gluedShortOption() {
      CliRun run =
          CliRun.of(
              "rollback",
              "--name",
              "task-api-canary",
              "-ntask-api",
              "--canary-service",
              "task-api-canary");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("Unknown option: '-ntask-api' (did you mean '-n task-api'?)");
    }

    @Test
    @DisplayName("an unknown word far from every command gets no guess")
    void noWildGuess() {
      CliRun run = CliRun.of("kubectl");

      assertThat(run.err())
          .isEqualTo("error: Unknown command: 'kubectl'; try 'traffic-engineer --help'\n");
    }
  }

  @Nested
  @DisplayName("-f FILE")
  class InputFiles {
    @Test
    @DisplayName("an empty file is called empty, by its name")
    void emptyFile() {
      String file = fixture("empty.yaml");

      List<CliRun> runs =
          List.of(
              CliRun.of("rollback", "-f", file),
              CliRun.of("premium", "-f", file, "--service", "task-api-stable"),
              CliRun.of("simulate", "-f", file, "--path", "/"));

      assertThat(runs)
          .allSatisfy(
              run -> {
                assertThat(run.exitCode()).isEqualTo(2);
                assertThat(run.err()).isEqualTo("error: -f " + file + ": is empty\n");
              });
    }

    @Test
    @DisplayName("a refused route names the file and the line, not routeYaml: \"(YAML)\"")
    void refusalNamesTheFile() {
      String file = fixture("backend-ref-typo.yaml");

      CliRun run = CliRun.of("rollback", "-f", file);

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .startsWith(
              "error: -f "
                  + file
                  + ": line 10, /spec/rules/0/backendRef: Unknown field \"spec.rules[0].backendRef\"")
          .doesNotContain("routeYaml")
          .doesNotContain("(YAML)");
    }

    @Test
    @DisplayName("stdin is named as stdin")
    void stdinIsNamed() {
      CliRun run = CliRun.withInput(new byte[0], "simulate", "-f", "-", "--path", "/");

      assertThat(run.err()).isEqualTo("error: -f - (stdin): is empty\n");
    }
  }

  @Nested
  @DisplayName("YAML with a tab after key:")
  class Tabs {
    @Test
    @DisplayName("validates as kubectl reads it")
    void tabAfterColonIsAccepted() {
      CliRun run = CliRun.of("validate", "-f", "src/test/resources/yaml/tab-after-colon.yaml");

      assertThat(run.err()).isEmpty();
      assertThat(run.exitCode()).isZero();
    }
  }

  @Nested
  @DisplayName("simulate")
  class Simulate {
    @Test
    @DisplayName("refuses a route with an unknown field (exit 2) instead of answering 500")
    void unknownFieldIsRefused() {
      CliRun run = CliRun.of("simulate", "-f", fixture("backend-ref-typo.yaml"), "--path", "/");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .contains("Unknown field \"spec.rules[0].backendRef\"")
          .contains("[TE103]")
          .contains("Did you mean \"backendRefs\"?");
    }
  }
}
