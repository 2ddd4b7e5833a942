package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** validate --live --gateway NS/NAME against the mock API server, through a kubeconfig file. */
@EnableKubernetesMockClient(crud = true)
@DisplayName("validate --live")
class ValidateLiveCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  KubernetesClient client;
  @TempDir Path directory;

  @Test
  @DisplayName("prints cluster_check_gateway's result and exits 1 on an error finding")
  void checksTheLiveGateway() throws IOException {
    Path kubeconfig = clusterWithTheBundle();

    CliRun run =
        CliRun.of(
            "validate",
            "--live",
            "--gateway",
            "task-api/task-api-gateway",
            "--kubeconfig",
            kubeconfig.toString(),
            "-o",
            "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode result = JSON.readTree(run.out());
    assertThat(result.get("bundleVersion").asString()).isEqualTo("v1.6.1");
    assertThat(result.at("/findings/0/code").asString()).isEqualTo("TE507");
  }

  @Test
  @DisplayName("--before --live --after: the cluster as before, exit 1 when more traffic fails")
  void comparesAgainstTheCluster() throws IOException {
    Path kubeconfig = clusterWithTheBundle();
    Path after = directory.resolve("pr");
    Files.createDirectories(after);
    Files.writeString(
        after.resolve("route.yaml"), TestFiles.read("cluster/compare/canary-50.yaml"));

    CliRun run =
        CliRun.of(
            "validate",
            "--before",
            "--live",
            "--after",
            after.toString(),
            "--kubeconfig",
            kubeconfig.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("changed error TE507 in HTTPRoute task-api/task-api")
        .contains("Failing before: 5%, after: 50%.")
        .endsWith(
            "blocked: the change makes more traffic fail: 0 introduced, 0 fixed, 1 changed, 0"
                + " unchanged\n");
  }

  @Test
  @DisplayName("--before takes no value with --live")
  void beforeWithValueAndLive() {
    CliRun run = CliRun.of("validate", "--before", "old.yaml", "--live", "--after", "new.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--before").contains("takes no value with --live");
  }

  /** Stores cluster/gateway-bundle.yaml in the mock and returns a kubeconfig that points at it. */
  private Path clusterWithTheBundle() throws IOException {
    byte[] yaml = TestFiles.read("cluster/gateway-bundle.yaml").getBytes(StandardCharsets.UTF_8);
    for (HasMetadata item : client.load(new ByteArrayInputStream(yaml)).items()) {
      client.resource(item).create();
    }
    Path kubeconfig = directory.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        TestFiles.read("cluster/kubeconfig.yaml")
            .replace("SERVER", client.getMasterUrl().toString()));
    return kubeconfig;
  }

  @Test
  @DisplayName("--live needs --gateway as NAMESPACE/NAME")
  void needsTheGateway() {
    CliRun run = CliRun.of("validate", "--live", "--gateway", "task-api-gateway");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--gateway").contains("NAMESPACE/NAME");
  }
}
