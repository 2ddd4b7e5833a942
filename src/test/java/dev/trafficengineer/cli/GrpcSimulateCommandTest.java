package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.Simulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code simulate --service} sends one gRPC call through the file's GRPCRoutes. */
class GrpcSimulateCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ROUTES = "src/test/resources/precedence/grpc/steps.routes.yaml";

  @Test
  @DisplayName("simulate --service -o json is the simulation result of that gRPC call")
  void json() {
    CliRun run =
        CliRun.of(
            "simulate",
            "-f",
            ROUTES,
            "--service",
            "shop.orders.v1.OrderService",
            "--method",
            "Cancel",
            "--host",
            "grpc.example.com",
            "-H",
            "x-tier:gold",
            "-o",
            "json");

    RequestSpec call =
        new RequestSpec(
            null,
            "Cancel",
            Map.of("x-tier", "gold"),
            Map.of(),
            "grpc.example.com",
            "shop.orders.v1.OrderService",
            null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()))
        .isEqualTo(
            JSON.valueToTree(
                Simulator.simulate(
                    new SimulateRequest(
                        TestFiles.read("precedence/grpc/steps.routes.yaml"),
                        List.of(call),
                        null))));
    assertThat(run.out()).contains("\"route\" : \"shop/orders-a\"").contains("\"rule\" : 2");
  }

  @Test
  @DisplayName("a gRPC call with a path is refused, naming the field")
  void refusesAPath() {
    CliRun run =
        CliRun.of(
            "simulate",
            "-f",
            ROUTES,
            "--service",
            "shop.orders.v1.OrderService",
            "--method",
            "Cancel",
            "--path",
            "/shop.orders.v1.OrderService/Cancel");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("requests[0].path").contains("does not apply to a gRPC call");
  }

  @Test
  @DisplayName("HTTP requests against GRPCRoutes only are refused: nothing to route them through")
  void httpRequestAgainstGrpcRoutes() {
    CliRun run = CliRun.of("simulate", "-f", ROUTES, "--path", "/orders");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("hold no gateway.networking.k8s.io HTTPRoute");
  }

  @Test
  @DisplayName(
      "a GRPCRoute the API server rejects is refused, as an HTTPRoute is, with line and fix")
  void refusesARouteTheApiServerRejects() {
    CliRun run =
        CliRun.of(
            "simulate",
            "-f",
            "src/test/resources/simulate/grpc/weight-over-maximum.yaml",
            "--service",
            "shop.orders.v1.OrderService",
            "--method",
            "Get");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("line 13").contains("[TE106]").contains("Fix:");
  }
}
