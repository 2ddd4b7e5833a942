package dev.trafficengineer.core.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("plan tokens")
class PlanTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
  private static final PlanSubject PLAN =
      new PlanSubject(
          "cluster_rollback task-api/task-api-canary",
          "6f1c2b9e",
          "48213",
          "[{\"op\":\"replace\",\"path\":\"/spec/rules/1/backendRefs/1/weight\",\"value\":0}]");

  private final PlanTokens tokens = PlanTokens.randomKey();

  private void refused(String token, PlanSubject current, Instant at, String reason) {
    assertThatThrownBy(() -> tokens.verify(token, current, at))
        .isInstanceOfSatisfying(
            PlanTokenRefusal.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason));
  }

  @Test
  @DisplayName("a token allows exactly the change it was issued for, until it expires")
  void roundTrip() {
    String token = tokens.issue(PLAN, NOW);

    assertThatCode(() -> tokens.verify(token, PLAN, NOW.plusSeconds(299)))
        .doesNotThrowAnyException();
    refused(token, PLAN, NOW.plus(PlanTokens.LIFETIME), "TokenExpired");
  }

  @Test
  @DisplayName("another patch, target, uid or resourceVersion is refused with its own reason")
  void claims() {
    String token = tokens.issue(PLAN, NOW);

    refused(
        token,
        new PlanSubject(PLAN.target(), PLAN.uid(), PLAN.resourceVersion(), "[]"),
        NOW,
        "TokenForAnotherPatch");
    refused(
        token,
        new PlanSubject(
            "cluster_set_weights task-api/task-api-canary",
            PLAN.uid(),
            PLAN.resourceVersion(),
            PLAN.change()),
        NOW,
        "TokenForAnotherTarget");
    refused(
        token,
        new PlanSubject(PLAN.target(), PLAN.uid(), "48214", PLAN.change()),
        NOW,
        "RouteChanged");
    refused(
        token,
        new PlanSubject(PLAN.target(), "other-uid", PLAN.resourceVersion(), PLAN.change()),
        NOW,
        "RouteChanged");
  }

  @Test
  @DisplayName("a token of another key, an altered claim or garbage is not a token")
  void forgery() {
    String token = tokens.issue(PLAN, NOW);
    String claims = token.substring(0, token.indexOf('.'));
    String mac = token.substring(token.indexOf('.') + 1);
    String longer =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(claims), StandardCharsets.UTF_8)
                    .replaceAll("\\d+$", "99999999999")
                    .getBytes(StandardCharsets.UTF_8));

    refused(PlanTokens.randomKey().issue(PLAN, NOW), PLAN, NOW, "InvalidToken");
    refused(longer + "." + mac, PLAN, NOW, "InvalidToken");
    refused("not-a-token", PLAN, NOW, "InvalidToken");
    refused("a.b.c", PLAN, NOW, "InvalidToken");
    refused(null, PLAN, NOW, "InvalidToken");
  }

  @Test
  @DisplayName("replicas sharing a key accept each other's tokens; a short key is refused")
  void sharedKey() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    String token = PlanTokens.sharedKey(key).issue(PLAN, NOW);

    assertThatCode(() -> PlanTokens.sharedKey(key.clone()).verify(token, PLAN, NOW))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> PlanTokens.sharedKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31 bytes");
  }
}
