package dev.trafficengineer.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.GrpcRouteInput;
import dev.trafficengineer.core.generate.RouteInput;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("route diff")
class RouteDiffTest {
  private static HTTPRoute live() {
    return RouteInput.single("yaml", TestFiles.read("rollback/combined.live.yaml"));
  }

  private static HTTPRoute file() {
    return RouteInput.single("yaml", TestFiles.read("golden/lesson-combined.yaml"));
  }

  @Test
  @DisplayName("GRPCRoute: its own defaults (method type Exact, no default match) are no change")
  void grpcDefaultsAreNoChange() {
    GRPCRoute live =
        GrpcRouteInput.single("yaml", TestFiles.read("rollback/grpc/orders-canary.live.yaml"));
    GRPCRoute proposed =
        GrpcRouteInput.single("yaml", TestFiles.read("cluster/grpc/orders-canary.proposed.yaml"));

    assertThat(RouteDiff.between(live, proposed))
        .extracting(FieldChange::describe)
        .containsExactly(
            "/spec/rules/1/backendRefs/0/weight: 90 -> 80",
            "/spec/rules/1/backendRefs/1/weight: 10 -> 20");
  }

  @Test
  @DisplayName("GRPCRoute: a method match type other than the default is a change")
  void grpcNonDefaultIsChange() {
    String yaml = TestFiles.read("cluster/grpc/orders-canary.proposed.yaml");
    GRPCRoute exact = GrpcRouteInput.single("yaml", yaml);
    GRPCRoute regex =
        GrpcRouteInput.single(
            "yaml",
            yaml.replace(
                "        service: shop.orders.v1.OrderService\n  - backendRefs",
                "        service: shop.orders.v1.OrderService\n        type: RegularExpression\n"
                    + "  - backendRefs"));

    assertThat(RouteDiff.between(exact, regex))
        .extracting(FieldChange::describe)
        .containsExactly("/spec/rules/0/matches/0/method/type: \"Exact\" -> \"RegularExpression\"");
  }

  @Test
  @DisplayName("the file and the live route with its server defaults and status: no change")
  void defaultsAreNoChange() {
    assertThat(RouteDiff.between(live(), file())).isEmpty();
  }

  @Test
  @DisplayName("a weight, a label and a removed field are reported by JSON Pointer")
  void changes() {
    HTTPRoute proposed =
        new HTTPRouteBuilder(file())
            .editMetadata()
            .addToLabels("team", "api")
            .endMetadata()
            .editSpec()
            .editRule(1)
            .editBackendRef(1)
            .withWeight(0)
            .endBackendRef()
            .endRule()
            .endSpec()
            .build();

    assertThat(RouteDiff.between(live(), proposed))
        .extracting(FieldChange::describe)
        .containsExactly(
            "/metadata/labels added: {\"team\":\"api\"}",
            "/spec/rules/1/backendRefs/1/weight: 10 -> 0");
  }

  @Test
  @DisplayName("a header match type other than the default is a change")
  void nonDefaultIsChange() {
    HTTPRoute proposed =
        new HTTPRouteBuilder(file())
            .editSpec()
            .editRule(0)
            .editMatch(0)
            .editHeader(0)
            .withType("RegularExpression")
            .endHeader()
            .endMatch()
            .endRule()
            .endSpec()
            .build();

    assertThat(RouteDiff.between(live(), proposed))
        .extracting(FieldChange::path)
        .containsExactly("/spec/rules/0/matches/0/headers/0/type");
  }
}
