package dev.trafficengineer.cluster;

import dev.trafficengineer.core.confirm.PlanTokens;
import java.time.Clock;

/**
 * How a write is allowed through: every change needs a plan token from an earlier dry run of the
 * same change; {@code tokenAlone} says whether that token suffices ({@code --confirm=token},
 * weaker: whoever holds the token may apply) or a person must approve it as well ({@code
 * --confirm=elicit}, the default).
 */
public record WritePolicy(PlanTokens tokens, boolean tokenAlone, Clock clock) {
  /** A person's yes on top of a token, a random key of this process, the system clock. */
  public static WritePolicy elicitWithRandomKey() {
    return new WritePolicy(PlanTokens.randomKey(), false, Clock.systemUTC());
  }
}
