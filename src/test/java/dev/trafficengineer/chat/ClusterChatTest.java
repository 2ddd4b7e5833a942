package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.cluster.DryRunMockServer;
import dev.trafficengineer.cluster.MockCluster;
import dev.trafficengineer.cluster.WritePolicy;
import dev.trafficengineer.core.Json;
import dev.trafficengineer.mcp.ClusterTools;
import dev.trafficengineer.mcp.Operation.Outcome;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code chat --cluster --no-read-only}: the cluster tools as the model calls them, against the
 * CRUD mock. A dry run and a read run without a question; a change asks y/N at the terminal with
 * the change in one line, and only y applies it.
 */
@DisplayName("chat with the cluster tools")
class ClusterChatTest {
  private static final String DRY_RUN =
      "{\"namespace\":\"task-api\",\"name\":\"task-api-combined\","
          + "\"weights\":{\"task-api-stable\":75,\"task-api-canary\":25}}";

  DryRunMockServer server;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    server = new DryRunMockServer();
    MockCluster.store(server.client(), "cluster/combined.yaml");
    MockCluster.storeAll(server.client(), "cluster/endpointslices.yaml");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ChatTool tool(String name, String typed) {
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return TerminalChat.offered(
            ClusterTools.selection(
                MockCluster.on(server.client()), WritePolicy.elicitWithRandomKey(), null),
            false,
            terminal)
        .stream()
        .filter(tool -> tool.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private List<Integer> canaryRule() {
    return server
        .client()
        .resources(HTTPRoute.class)
        .inNamespace("task-api")
        .withName("task-api-combined")
        .get()
        .getSpec()
        .getRules()
        .get(1)
        .getBackendRefs()
        .stream()
        .map(HTTPBackendRef::getWeight)
        .toList();
  }

  private static String withToken(Outcome dryRun) {
    String token = String.valueOf(dryRun.structured().get("planToken"));
    return DRY_RUN.replace("}}", "},\"planToken\":" + Json.MAPPER.writeValueAsString(token) + "}");
  }

  @Test
  @DisplayName("y: asked once, with the one-line restatement, after a dry run that asked nothing")
  void yes() {
    ChatTool setWeights = tool("cluster_set_weights", "y\n");
    Outcome dryRun = setWeights.call().apply(DRY_RUN);
    String beforeQuestion = err.toString(StandardCharsets.UTF_8);

    Outcome applied = setWeights.call().apply(withToken(dryRun));

    assertThat(beforeQuestion).isEmpty();
    assertThat(applied.isError()).as(applied.text()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "Apply task-api/task-api-combined rule 1: task-api-stable 90 % → 75 %,"
                + " task-api-canary 10 % → 25 %? [y/N] ");
    assertThat(canaryRule()).containsExactly(75, 25);
  }

  @Test
  @DisplayName("Enter: declined, nothing applied, and the model hears it")
  void no() {
    ChatTool setWeights = tool("cluster_set_weights", "\n");

    Outcome declined = setWeights.call().apply(withToken(setWeights.call().apply(DRY_RUN)));

    assertThat(declined.isError()).isTrue();
    assertThat(declined.text()).contains("Declined", "nothing was changed");
    assertThat(canaryRule()).containsExactly(90, 10);
  }

  @Test
  @DisplayName("a read-only cluster tool runs without a question")
  void readOnly() {
    Outcome route =
        tool("cluster_get_route", "")
            .call()
            .apply("{\"namespace\":\"task-api\",\"name\":\"task-api-combined\"}");

    assertThat(route.isError()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
