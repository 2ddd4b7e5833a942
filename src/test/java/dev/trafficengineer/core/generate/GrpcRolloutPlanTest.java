package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.grpc.GrpcMethodInput;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.Kubectl;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * plan_rollout for a gRPC service: every stage a GRPCRoute, every stage change and rollback a
 * guarded patch of the grpcroute, each printed command proven with the real kubectl against the
 * stage it starts from (and refused against any other stage).
 */
@DisplayName("plan_rollout for GRPCRoutes")
class GrpcRolloutPlanTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String TARGET = "orders-canary -n orders";

  private static RolloutRequest request(String pathPrefix) {
    return new RolloutRequest(
        "orders",
        "grpc-gateway",
        "orders-stable",
        "orders-canary",
        50051,
        null,
        null,
        null,
        pathPrefix,
        List.of("grpc.example.com"),
        null,
        null,
        new HeaderMatchInput("x-api-tier", "premium", null),
        null,
        "GRPCRoute",
        new GrpcMethodInput("shop.orders.v1.OrderService", null, null));
  }

  private static RolloutPlan plan() {
    return RolloutPlanner.plan(request(null));
  }

  private static String command(RolloutStage stage, String purposeStart) {
    return stage.commands().stream()
        .filter(command -> command.purpose().startsWith(purposeStart))
        .map(ShellCommand::command)
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode tree(String yaml) {
    return YamlReader.read(yaml).get(0).tree();
  }

  @Test
  @DisplayName("the whole plan is its golden file, byte for byte")
  void golden() {
    String actual = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan()) + "\n";
    Path golden = TestFiles.path("golden/grpc/grpc-plan-rollout.plan.json");
    if (UPDATE) {
      TestFiles.write(golden, actual);
    }
    assertThat(actual).isEqualTo(TestFiles.read(golden));
  }

  @Test
  @DisplayName("every stage is a valid GRPCRoute; stage 1 is what generate_canary writes at 5%")
  void stagesAreGrpcRoutes() {
    RolloutPlan plan = plan();

    assertThat(plan.stages())
        .extracting(RolloutStage::canaryPercent)
        .containsExactly(5, 25, 50, 100);
    for (RolloutStage stage : plan.stages()) {
      assertThat(stage.yaml()).contains("\nkind: GRPCRoute\n");
      assertThat(RouteValidator.validate(new ValidateRequest(stage.yaml(), null)).valid()).isTrue();
    }
    RouteResult canary =
        CanaryGenerator.generate(
            new CanaryRequest(
                "orders",
                "grpc-gateway",
                "orders-stable",
                "orders-canary",
                50051,
                5,
                null,
                null,
                null,
                List.of("grpc.example.com"),
                null,
                null,
                new HeaderMatchInput("x-api-tier", "premium", null),
                "GRPCRoute",
                new GrpcMethodInput("shop.orders.v1.OrderService", null, null)));
    assertThat(plan.stages().get(0).yaml()).isEqualTo(canary.yaml());
    assertThat(plan.afterRollout())
        .extracting(ShellCommand::command)
        .noneMatch(command -> command.contains("httproute"))
        .anyMatch(command -> command.startsWith("kubectl patch grpcroute " + TARGET));
  }

  @Test
  @DisplayName("each advance, pasted, moves the previous stage to this one and fails on any other")
  void advancesAreProvedByKubectl(@TempDir Path directory) {
    assumeTrue(Kubectl.available(), "kubectl is not installed");
    List<RolloutStage> stages = plan().stages();
    for (int i = 1; i < stages.size(); i++) {
      String advance = command(stages.get(i), "Advance to");
      assertThat(advance).startsWith("kubectl patch grpcroute " + TARGET + " --type=json -p '");

      Path previous = directory.resolve("stage-" + i + ".yaml");
      TestFiles.write(previous, stages.get(i - 1).yaml());
      Kubectl.Result moved = Kubectl.runPrintedPatch(advance, "grpcroute", TARGET, previous);
      assertThat(moved.exitCode()).as(moved.stderr()).isZero();
      assertThat(tree(moved.stdout())).isEqualTo(tree(stages.get(i).yaml()));

      Path current = directory.resolve("stage-" + (i + 1) + ".yaml");
      TestFiles.write(current, stages.get(i).yaml());
      Kubectl.Result again = Kubectl.runPrintedPatch(advance, "grpcroute", TARGET, current);
      assertThat(again.exitCode()).as("not at the previous stage: refused").isNotZero();
      assertThat(again.stderr()).contains("test failed");
    }
  }

  @Test
  @DisplayName("each stage's rollback is rollback_patch's to stable, and kubectl applies it")
  void rollbacksAreTheRollbackTool(@TempDir Path directory) {
    assumeTrue(Kubectl.available(), "kubectl is not installed");
    for (RolloutStage stage : plan().stages()) {
      String rollback = command(stage, "If the gate fails");
      assertThat(rollback)
          .isEqualTo(
              Rollback.compute(
                      new RollbackRequest(stage.yaml(), null, null, null, null, "orders-stable"))
                  .command());

      Path file = directory.resolve("stage-" + stage.stage() + ".yaml");
      TestFiles.write(file, stage.yaml());
      Kubectl.Result rolledBack = Kubectl.runPrintedPatch(rollback, "grpcroute", TARGET, file);
      assertThat(rolledBack.exitCode()).as(rolledBack.stderr()).isZero();
      JsonNode split = tree(rolledBack.stdout()).at("/spec/rules/1/backendRefs");
      assertThat(split.get(0).get("weight").asInt()).isEqualTo(100);
      assertThat(split.get(1).get("weight").asInt()).isZero();
      assertThat(tree(rolledBack.stdout()).at("/spec/rules/0"))
          .as("the premium rule is untouched")
          .isEqualTo(tree(stage.yaml()).at("/spec/rules/0"));
    }
  }

  @Test
  @DisplayName("a path prefix is refused: a GRPCRoute matches calls by service and method")
  void pathPrefixRefused() {
    assertThatThrownBy(() -> RolloutPlanner.plan(request("/api/")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("pathPrefix: \"/api/\" applies to HTTPRoutes only");
  }
}
