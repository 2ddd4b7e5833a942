package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import dev.trafficengineer.core.grpc.GrpcMethodInput;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code --kind grpc} and the gRPC match flags reach the same core request as the tool's. */
class GrpcGeneratorCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("plan --kind grpc -o json is plan_rollout's GRPCRoute plan")
  void planGrpcJson() {
    CliRun run =
        CliRun.of(
            "plan",
            "-n",
            "orders",
            "--gateway",
            "grpc-gateway",
            "--stable-service",
            "orders-stable",
            "--canary-service",
            "orders-canary",
            "--port",
            "50051",
            "--stages",
            "10,100",
            "--kind",
            "grpc",
            "--grpc-service",
            "shop.orders.v1.OrderService",
            "-o",
            "json");

    RolloutRequest request =
        new RolloutRequest(
            "orders",
            "grpc-gateway",
            "orders-stable",
            "orders-canary",
            50051,
            List.of(10, 100),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "GRPCRoute",
            new GrpcMethodInput("shop.orders.v1.OrderService", null, null));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.valueToTree(RolloutPlanner.plan(request)));
    assertThat(run.out()).contains("kubectl patch grpcroute orders-canary -n orders");
  }

  @Test
  @DisplayName("canary --kind grpc -o json is the GRPCRoute result record")
  void canaryGrpcJson() {
    CliRun run =
        CliRun.of(
            "canary",
            "-n",
            "orders",
            "--gateway",
            "grpc-gateway",
            "--stable-service",
            "orders-stable",
            "--canary-service",
            "orders-canary",
            "--port",
            "50051",
            "--canary-weight",
            "5",
            "--kind",
            "grpc",
            "--grpc-service",
            "shop.orders.v1.OrderService",
            "-o",
            "json");

    CanaryRequest request =
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
            null,
            null,
            null,
            null,
            "GRPCRoute",
            new GrpcMethodInput("shop.orders.v1.OrderService", null, null));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()))
        .isEqualTo(JSON.valueToTree(CanaryGenerator.generate(request)));
    assertThat(run.out()).contains("kind: GRPCRoute");
  }

  @Test
  @DisplayName("a bad gRPC method is refused with exit 2, naming the field and the rule")
  void refusesABadMethod() {
    CliRun run =
        CliRun.of(
            "ab-test",
            "-n",
            "orders",
            "--gateway",
            "grpc-gateway",
            "--stable-service",
            "orders-stable",
            "--test-service",
            "orders-b",
            "--port",
            "50051",
            "--header",
            "x-variant=b",
            "--kind",
            "grpc",
            "--grpc-method",
            "Order/Place");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("grpcMethod.method").contains("^[A-Za-z_][A-Za-z_0-9]*$");
    assertThat(run.out()).isEmpty();
  }

  @Test
  @DisplayName("a gRPC match on an HTTPRoute is refused rather than dropped")
  void refusesAGrpcMatchOnAnHttpRoute() {
    CliRun run =
        CliRun.of(
            "blue-green",
            "-n",
            "orders",
            "--gateway",
            "grpc-gateway",
            "--blue-service",
            "orders-blue",
            "--green-service",
            "orders-green",
            "--port",
            "50051",
            "--active",
            "blue",
            "--grpc-service",
            "shop.orders.v1.OrderService");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("shop.orders.v1.OrderService")
        .contains("applies to GRPCRoutes only");
  }

  @Test
  @DisplayName(
      "blue-green --kind grpc prints the GRPCRoute, its summary and a grpcroute verification on stderr")
  void blueGreenGrpcText() {
    CliRun run =
        CliRun.of(
            "blue-green",
            "-n",
            "orders",
            "--gateway",
            "grpc-gateway",
            "--blue-service",
            "orders-blue",
            "--green-service",
            "orders-green",
            "--port",
            "50051",
            "--active",
            "blue",
            "--kind",
            "grpc");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("apiVersion: gateway.networking.k8s.io/v1\nkind: GRPCRoute\n");
    assertThat(run.err())
        .contains("GRPCRoute orders/orders-bluegreen")
        .contains("kubectl get grpcroute orders-bluegreen -n orders");
  }
}
