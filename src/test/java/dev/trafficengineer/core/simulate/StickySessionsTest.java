package dev.trafficengineer.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("sticky sessions: the shares users actually get")
class StickySessionsTest {
  private static final String AFFINITY = "simulate/sessions/canary-session-persistence.yaml";
  private static final String PLAIN = "cli/lesson-canary.yaml";
  private static final Map<String, Integer> HALF =
      Map.of("task-api-stable", 50, "task-api-canary", 50);

  @Test
  @DisplayName("the route's sessionPersistence: 10% of users pinned, and a move to 50% moves none")
  void sessionPersistence() {
    SessionOutcome outcome =
        simulate(AFFINITY, new SessionModel(1000, 20, null, null, ordered(50, 50), null));

    assertThat(outcome.pinning()).isEqualTo("sessionPersistence");
    SessionShare canary = canary(outcome.stage());
    assertThat(canary.requestShare()).isCloseTo(0.1, within(1e-12));
    assertThat(canary.usersPinned()).isCloseTo(0.1, within(1e-12));
    SessionShare after = canary(outcome.afterChangeReturning());
    assertThat(after.declaredShare()).isEqualTo(0.5);
    assertThat(after.requestShare()).isCloseTo(0.1, within(1e-12));
    assertThat(canary(outcome.afterChangeNew()).requestShare()).isCloseTo(0.5, within(1e-12));
    assertThat(outcome.notes())
        .anySatisfy(note -> assertThat(note).contains("absoluteTimeout 1h", "experimental"))
        .anySatisfy(
            note ->
                assertThat(note)
                    .isEqualTo(
                        "After the weight change task-api-canary is declared 50% but serves 10%"
                            + " of returning users' requests: pinned users stay until their"
                            + " sessions end, so a weight change (a rollback too) moves only new"
                            + " or unpinned users."));
  }

  @Test
  @DisplayName("a cookie only the canary sets: a 5% canary ends with 64% of users pinned")
  void canaryOnlyCookie() {
    SessionOutcome outcome =
        simulate(PLAIN, new SessionModel(1000, 20, "cookie", "task-api-canary", null, null));

    SessionShare canary = canary(outcome.stage());
    // 1 - 0.95^20 of users pinned; the canary serves 1 - 0.95 (1 - 0.95^20) / (0.05 * 20).
    assertThat(canary.usersPinned()).isCloseTo(1 - Math.pow(0.95, 20), within(1e-12));
    assertThat(canary.requestShare())
        .isCloseTo(1 - 0.95 * (1 - Math.pow(0.95, 20)) / 1.0, within(1e-12));
    assertThat(outcome.afterChangeReturning()).isEmpty();
  }

  @Test
  @DisplayName("the canary-only cookie's exact shares agree with 20,000 simulated users")
  void canaryOnlyCookieMatchesSampling() {
    SessionOutcome outcome =
        simulate(PLAIN, new SessionModel(20_000, 30, "cookie", "task-api-canary", null, null));
    SplittableRandom random = new SplittableRandom(19);
    long canaryRequests = 0;
    long stableReached = 0;
    for (int user = 0; user < 20_000; user++) {
      boolean pinned = false;
      boolean sawStable = false;
      for (int request = 0; request < 30; request++) {
        if (pinned || random.nextDouble() < 0.05) {
          pinned = true;
          canaryRequests++;
        } else {
          sawStable = true;
        }
      }
      stableReached += sawStable ? 1 : 0;
    }

    // 3 standard deviations of 600,000 (correlated) requests and 20,000 users are well under 1%.
    assertThat(canary(outcome.stage()).requestShare())
        .isCloseTo(canaryRequests / 600_000.0, within(0.01));
    assertThat(outcome.stage().get(0).usersReached())
        .isCloseTo(stableReached / 20_000.0, within(0.01));
  }

  @Test
  @DisplayName("no pinning: request shares are the weights, but most users meet the canary")
  void noPinning() {
    SessionOutcome outcome = simulate(PLAIN, new SessionModel(1000, 20, null, null, null, null));

    assertThat(outcome.pinning()).isEqualTo("none");
    assertThat(canary(outcome.stage()).requestShare()).isCloseTo(0.05, within(1e-12));
    assertThat(canary(outcome.stage()).usersReached())
        .isCloseTo(1 - Math.pow(0.95, 20), within(1e-12));
  }

  @Test
  @DisplayName("refuses a sessionPersistence the rule does not have, and unknown backends")
  void refusals() {
    assertThatThrownBy(
            () -> simulate(PLAIN, new SessionModel(10, 5, "sessionPersistence", null, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("sessions.pinning: \"sessionPersistence\" needs the rule's");
    assertThatThrownBy(
            () -> simulate(PLAIN, new SessionModel(10, 5, "cookie", "canary", null, null)))
        .hasMessage(
            "sessions.pinTo: \"canary\" is not a backend of the rule; choose one of"
                + " [task-api-stable, task-api-canary]");
    assertThatThrownBy(
            () -> simulate(PLAIN, new SessionModel(10, 5, null, null, Map.of("x", 1), null)))
        .hasMessageStartingWith("sessions.newWeights: \"[x]\" must give a weight to each backend");
    assertThatThrownBy(() -> simulate(PLAIN, new SessionModel(0, 5, null, null, null, null)))
        .hasMessage("sessions.users: 0 must be from 1 to 1,000,000,000");
  }

  private static Map<String, Integer> ordered(int stable, int canary) {
    return HALF.keySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                name -> name, name -> name.endsWith("stable") ? stable : canary));
  }

  private static SessionShare canary(List<SessionShare> shares) {
    return shares.stream()
        .filter(s -> s.backend().equals("task-api-canary"))
        .findFirst()
        .orElseThrow();
  }

  private static SessionOutcome simulate(String route, SessionModel model) {
    return Simulator.simulate(
            new SimulateRequest(
                TestFiles.read(route),
                List.of(new RequestSpec("/api/tasks", null, null, null, null)),
                null,
                model))
        .sessions();
  }
}
