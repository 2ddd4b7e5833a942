package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Prompts")
class PromptCatalogTest {
  private static final Pattern TOOL_NAME = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");

  static Stream<PromptFile> prompts() {
    return PromptCatalog.load().stream();
  }

  @Test
  @DisplayName("the catalog names exactly the files in prompts/, each under its own name")
  void catalogMatchesFolder() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.project("prompts"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              PromptCatalog.NAMES.stream().map(name -> name + ".md").toList());
    }
    assertThat(prompts().map(PromptFile::name)).containsExactlyElementsOf(PromptCatalog.NAMES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prompts")
  @DisplayName("renders with its required arguments alone, every placeholder filled")
  void rendersWithRequiredArguments(PromptFile prompt) {
    Map<String, Object> arguments = new HashMap<>();
    prompt.arguments().stream()
        .filter(PromptFile.Argument::required)
        .forEach(argument -> arguments.put(argument.name(), "<" + argument.name() + ">"));

    String text = text(prompt, arguments);

    assertThat(text).doesNotContain("{{");
    arguments.values().forEach(value -> assertThat(text).contains((String) value));
    prompt.arguments().stream()
        .filter(argument -> !argument.required())
        .forEach(argument -> assertThat(argument.defaultValue()).as(argument.name()).isNotNull());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prompts")
  @DisplayName("steers to tools of the contract, and to validating or checking the result")
  void namesContractTools(PromptFile prompt) {
    Matcher names = TOOL_NAME.matcher(prompt.body());
    List<String> tools = names.results().map(match -> match.group()).distinct().toList();

    assertThat(tools).isNotEmpty();
    assertThat(McpContractNames.TOOLS).containsAll(tools);
    assertThat(prompt.body()).containsAnyOf("validate_route", "simulate_traffic", "verif");
  }

  @Test
  @DisplayName(
      "rollback-now asks which backend is healthy (no default), then to, dry run first, choices"
          + " relayed")
  void rollbackNow() {
    String text = text(prompt("rollback-now"), Map.of("routeYaml", "kind: HTTPRoute"));

    assertThat(text)
        .contains(
            "The healthy backend, as the user named it: not named yet.",
            "ask before anything else, and do not pick one",
            "Which of these is healthy and should take all the traffic?",
            "`to` set to the healthy Service",
            "show those lines to the user as they are and ask which one",
            "nothingToChange",
            "capacity warnings")
        .doesNotContain("target \"{{", "back to stable");
    assertThat(prompt("rollback-now").arguments())
        .noneMatch(argument -> "stable".equals(argument.defaultValue()));
    assertThat(text.indexOf("Which of these is healthy"))
        .isLessThan(text.indexOf("rollback_patch"));
    assertThat(text.indexOf("dryRunCommand")).isLessThan(text.indexOf("apply command"));
  }

  @Test
  @DisplayName("an optional argument overrides its default")
  void optionalArgument() {
    String text =
        text(
            prompt("rollback-now"),
            Map.of("routeYaml", "kind: HTTPRoute", "healthy", "task-api-blue"));

    assertThat(text)
        .contains("as the user named it: task-api-blue.")
        .doesNotContain("not named yet");
  }

  @Test
  @DisplayName("a missing required argument is invalid params, naming it")
  void missingArgument() {
    assertThatThrownBy(() -> PromptSpecifications.render(prompt("review-route"), Map.of()))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("routeYaml");
  }

  @Test
  @DisplayName("a value that looks like a placeholder or a regex replacement stays as given")
  void valuesAreLiteral() {
    String yaml = "metadata:\n  name: {{ name }} $1 \\";

    assertThat(text(prompt("review-route"), Map.of("routeYaml", yaml))).contains(yaml);
  }

  private static PromptFile prompt(String name) {
    return prompts().filter(prompt -> prompt.name().equals(name)).findFirst().orElseThrow();
  }

  private static String text(PromptFile prompt, Map<String, Object> arguments) {
    return ((TextContent)
            PromptSpecifications.render(prompt, arguments).messages().get(0).content())
        .text();
  }
}
