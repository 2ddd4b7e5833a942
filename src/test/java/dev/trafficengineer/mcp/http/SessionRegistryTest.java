package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Session registry: idle sessions expire, live ones are bounded")
class SessionRegistryTest {
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  private final AtomicLong now = new AtomicLong();
  private final SessionRegistry registry =
      new SessionRegistry(new SessionLimits(Duration.ofMinutes(30), 2), now::get);

  private void open(String id) {
    assertThat(registry.reserve()).isTrue();
    registry.opened(id);
  }

  @Test
  @DisplayName("a session idle for the timeout is gone; one used just before is not")
  void idleExpires() {
    open("a");
    open("b");
    now.addAndGet(29 * MINUTE);
    assertThat(registry.enter("b")).isTrue();
    registry.leave("b");
    now.addAndGet(MINUTE);

    assertThat(registry.enter("a")).isFalse();
    assertThat(registry.enter("b")).isTrue();
    assertThat(registry.live()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a session with a request in flight does not expire; its idle time starts at the end")
  void inFlightIsNotIdle() {
    open("a");
    assertThat(registry.enter("a")).isTrue();
    now.addAndGet(60 * MINUTE);
    assertThat(registry.live()).isEqualTo(1);
    registry.leave("a");
    now.addAndGet(29 * MINUTE);

    assertThat(registry.enter("a")).isTrue();
  }

  @Test
  @DisplayName("no place beyond the limit, counting sessions being opened; an expiry frees one")
  void bounded() {
    open("a");
    assertThat(registry.reserve()).isTrue();
    assertThat(registry.reserve()).as("one live, one being opened").isFalse();
    registry.opened(null);
    now.addAndGet(10 * MINUTE);
    open("b");
    assertThat(registry.reserve()).isFalse();
    assertThat(registry.untilPlaceFrees()).isEqualTo(Duration.ofMinutes(20));

    now.addAndGet(20 * MINUTE);
    assertThat(registry.reserve()).as("a expired").isTrue();
  }

  @Test
  @DisplayName("a closed session frees its place at once and is not found any more")
  void closed() {
    open("a");
    open("b");
    registry.closed("a");

    assertThat(registry.enter("a")).isFalse();
    assertThat(registry.reserve()).isTrue();
  }

  @Test
  @DisplayName("an id never opened is not found")
  void unknown() {
    assertThat(registry.enter("never")).isFalse();
  }
}
