package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.simulate.Sample;
import dev.trafficengineer.core.simulate.SessionModel;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.Simulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code simulate} builds one request from its flags and prints what core returns. */
@DisplayName("simulate command")
class SimulateCommandTest {
  private static final String ROUTE = CliRun.resource("lesson-canary.yaml");

  private static CliRun simulate(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "simulate";
    all[1] = "-f";
    all[2] = "-";
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.withInput(ROUTE.getBytes(StandardCharsets.UTF_8), all);
  }

  @Test
  @DisplayName("session flags: -o json equals simulate_traffic's result for the same model")
  void sessions() {
    CliRun run =
        simulate(
            "--path",
            "/api/tasks",
            "--users",
            "1000",
            "--requests-per-user",
            "20",
            "--pinning",
            "cookie",
            "--pin-to",
            "task-api-canary",
            "--new-weights",
            "task-api-stable=100,task-api-canary=0",
            "-o",
            "json");

    SimulateRequest request =
        new SimulateRequest(
            ROUTE,
            List.of(new RequestSpec("/api/tasks", null, Map.of(), Map.of(), null)),
            null,
            new SessionModel(
                1000,
                20,
                "cookie",
                "task-api-canary",
                Map.of("task-api-stable", 100, "task-api-canary", 0),
                null));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Json.pretty(Simulator.simulate(request)));
    assertThat(run.out()).contains("\"pinTo\" : \"task-api-canary\"");
  }

  @Test
  @DisplayName("-o json is the result record, flags mapped to the request")
  void json() {
    CliRun run =
        simulate(
            "--path",
            "/api/tasks",
            "--method",
            "post",
            "-H",
            "x-api-tier:premium",
            "--query",
            "page=2",
            "--requests",
            "1000",
            "--seed",
            "7",
            "-o",
            "json");

    SimulateRequest request =
        new SimulateRequest(
            ROUTE,
            List.of(
                new RequestSpec(
                    "/api/tasks",
                    "post",
                    Map.of("x-api-tier", "premium"),
                    Map.of("page", "2"),
                    null)),
            new Sample(1000, 7L));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Json.pretty(Simulator.simulate(request)));
  }

  @Test
  @DisplayName("text shows the route and rule, the status, each backend in percent and the reasons")
  void text() {
    CliRun run = simulate("--path", "/api/tasks");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("GET /api/tasks", "rule 0", ": 200", "task-api-canary", "%", "why:");
  }

  @Test
  @DisplayName("a path no rule takes is answered 404, still exit 0")
  void notFound() {
    CliRun run = simulate("--path", "/other");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("no route: 404");
  }

  @Test
  @DisplayName("a header without a value is a usage error naming the flag")
  void badHeader() {
    CliRun run = simulate("--path", "/api", "-H", "x-api-tier");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith("error: --header");
  }

  @Test
  @DisplayName("--seed without --requests is a usage error")
  void seedWithoutRequests() {
    CliRun run = simulate("--path", "/api", "--seed", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--requests");
  }
}
