package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("validate --crd and --before-crd")
class ValidateCrdCommandTest {

  private static final Path CRDS = Path.of("..", "shared", "gateway-api-crds");

  @TempDir Path dir;

  @Test
  @DisplayName("picks the route CRDs out of an install bundle and judges by its channel")
  void judgesByTheBundleGiven() throws IOException {
    Path route = write("route.yaml", fixture("retry-route.yaml"));
    Path experimental = bundle("v1.6.1", "experimental");
    Path standard = bundle("v1.6.1", "standard");

    CliRun accepted =
        CliRun.of("validate", "-f", route.toString(), "--crd", experimental.toString());
    assertThat(accepted.exitCode()).isZero();
    assertThat(accepted.out())
        .startsWith(
            "Judged by the HTTPRoute and GRPCRoute CRDs of bundle v1.6.1, experimental channel.");

    CliRun refused =
        CliRun.of("validate", "-f", route.toString(), "--crd", standard.toString(), "-o", "json");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out())
        .contains("\"code\" : \"TE103\"")
        .contains("\"path\" : \"/spec/rules/0/retry\"")
        .contains("\"channel\" : \"standard\"");
  }

  @Test
  @DisplayName("--before-crd lists the routes an upgrade (here a downgrade) starts to refuse")
  void upgradeCheck() throws IOException {
    Path route = write("route.yaml", fixture("redirect-303.yaml"));
    CliRun run =
        CliRun.of(
            "validate",
            "-f",
            route.toString(),
            "--crd",
            bundle("v1.4.0", "standard").toString(),
            "--before-crd",
            bundle("v1.6.1", "standard").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "Upgrade from bundle v1.6.1, standard channel: 1"
                + " route(s) accepted before are rejected after it: web/moved")
        .contains("TE114");
  }

  @Test
  @DisplayName("--before-crd alone is a usage error")
  void beforeCrdNeedsCrd() throws IOException {
    Path route = write("route.yaml", fixture("redirect-303.yaml"));
    CliRun run = CliRun.of("validate", "-f", route.toString(), "--before-crd", route.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--before-crd").contains("goes with --crd");
  }

  /** A release-like bundle: both route CRDs of one tag and channel, and a document to skip. */
  private Path bundle(String tag, String channel) throws IOException {
    Path folder = CRDS.resolve(tag).resolve(channel);
    assumeTrue(Files.isDirectory(folder), "../shared/gateway-api-crds is not beside the project");
    String text =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: gateway-system\n---\n"
            + Files.readString(folder.resolve("httproutes.yaml"))
            + "\n---\n"
            + Files.readString(folder.resolve("grpcroutes.yaml"));
    return write(tag + "-" + channel + "-install.yaml", text);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(ValidateCrdCommandTest.class.getResourceAsStream("/crd/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
