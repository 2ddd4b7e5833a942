package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.compare.CompareRequest;
import dev.trafficengineer.core.compare.RouteComparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** validate -f DIR (a GitOps folder) and validate --before/--after (tool compare_routes). */
class ValidateFolderCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("-f DIR reads *.yaml and *.yml recursively, skips hidden folders and counts others")
  void folder() {
    CliRun run = CliRun.of("validate", "-f", folder("before-dir"), "-o", "json");

    JsonNode result = JSON.readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(result.at("/context/gateways").asInt()).isEqualTo(1);
    assertThat(result.at("/context/services").asInt()).isEqualTo(1);
    assertThat(result.at("/context/skipped").asInt()).isEqualTo(1);
    assertThat(result.get("findings").findValuesAsString("code")).containsOnly("TE505");
    assertThat(run.err()).isEmpty();
  }

  @Test
  @DisplayName("the text report names each file in the joined input and sums up the context")
  void folderText() {
    CliRun run = CliRun.of("validate", "-f", folder("before-dir"));

    assertThat(run.out())
        .contains("error TE505 at /2/spec/rules/0/backendRefs/1/name")
        .contains("context: 1 Gateway(s), 0 ReferenceGrant(s), 1 Service(s)")
        .contains("1 other document(s) skipped");
  }

  @Test
  @DisplayName("--before/--after prints what compare_routes returns and exits 1 on a new error")
  void beforeAfter() {
    CliRun run =
        CliRun.of(
            "validate",
            "--before",
            folder("before-dir"),
            "--after",
            folder("after-dir"),
            "-o",
            "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode result = JSON.readTree(run.out());
    assertThat(result.get("introduced").asInt()).isEqualTo(1);
    assertThat(result.get("fixed").asInt()).isEqualTo(1);
    assertThat(result.get("unchanged").asInt()).isEqualTo(1);
    JsonNode sameFromFiles =
        JSON.valueToTree(
            RouteComparison.compare(
                new CompareRequest(text("store-before.yaml"), text("store-after.yaml"))));
    assertThat(result.get("findings").findValuesAsString("change"))
        .isEqualTo(sameFromFiles.get("findings").findValuesAsString("change"));
  }

  @Test
  @DisplayName("--before without --after is a usage error naming the flag")
  void beforeAlone() {
    CliRun run = CliRun.of("validate", "--before", folder("before-dir"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--after");
  }

  private static String text(String name) {
    try {
      return Files.readString(Path.of(folder(name)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String folder(String name) {
    try {
      return Path.of(ValidateFolderCommandTest.class.getResource("/compare/" + name).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
