package dev.trafficengineer.cluster;

import dev.trafficengineer.core.confirm.Approval;
import dev.trafficengineer.core.confirm.PlanSubject;
import dev.trafficengineer.core.confirm.PlanTokenRefusal;
import dev.trafficengineer.core.confirm.PlanTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The gate between a dry run and the real change: the plan token must be one this server issued for
 * exactly this change to the route as it is now, and, unless the server runs with {@code
 * --confirm=token}, the person must approve the change restated in one line. The model's own
 * arguments never suffice.
 */
final class WriteConfirmation {
  private final WritePolicy policy;

  WriteConfirmation(WritePolicy policy) {
    this.policy = policy;
  }

  /** Whether a caller that asks with {@code approval} (null: cannot ask) can apply at all. */
  boolean canApply(Approval approval) {
    return policy.tokenAlone() || approval != null;
  }

  /** A token for {@code subject} and when it expires (to the second, as the token says). */
  Plan issue(PlanSubject subject) {
    Instant now = policy.clock().instant();
    return new Plan(
        policy.tokens().issue(subject, now),
        now.plus(PlanTokens.LIFETIME).truncatedTo(ChronoUnit.SECONDS));
  }

  record Plan(String token, Instant expires) {}

  /**
   * Returns normally when {@code token} allows {@code subject} and, where asking is possible, the
   * caller's approval can be asked for; a {@link ClusterException} otherwise. Runs before anything
   * is sent.
   */
  void checkToken(String token, PlanSubject subject, Approval approval, List<String> commands) {
    try {
      policy.tokens().verify(token, subject, policy.clock().instant());
    } catch (PlanTokenRefusal refusal) {
      throw new ClusterException(refusal.reason(), refusal.getMessage());
    }
    if (!canApply(approval)) {
      throw new ClusterException(
          "ConfirmationUnavailable",
          "nothing was changed. This server applies a change only after a person approves it in"
              + " a form (MCP elicitation), and this client does not offer forms. The person can"
              + " make the change themselves: "
              + String.join("  then  ", commands));
    }
  }

  /** Asks the person, unless the token alone suffices; a refusal when they do not approve. */
  void approve(Approval approval, String restatement, String details) {
    if (policy.tokenAlone()) {
      return;
    }
    Approval.Answer answer = approval.ask(restatement, details);
    switch (answer) {
      case APPROVED -> {}
      case DECLINED ->
          throw new ClusterException(
              "Declined",
              "the person declined \""
                  + restatement
                  + "\"; nothing was changed. Do not ask again unless they ask for it.");
      case CANCELLED ->
          throw new ClusterException(
              "Cancelled",
              "the person dismissed the confirmation of \""
                  + restatement
                  + "\"; nothing was changed.");
    }
  }

  /** What to do after a dry run. */
  String nextAfterDryRun(String restatement, Plan plan) {
    String nothing =
        "Nothing was changed: the API server checked this change as a dry run (dryRun=All) and"
            + " fieldChanges is what it would store. ";
    if (plan == null) {
      return nothing
          + "This server applies changes only after a person approves them in a form (MCP"
          + " elicitation), which this client does not offer: show the person the change and"
          + " the commands; they can run them themselves (first the dry run, then the change).";
    }
    if (policy.tokenAlone()) {
      return nothing
          + "Show the person: \""
          + restatement
          + "\". Only if they say yes, call again with the same arguments and planToken (valid"
          + " until "
          + plan.expires()
          + ").";
    }
    return nothing
        + "To apply it, call again with the same arguments and planToken (valid until "
        + plan.expires()
        + "): the person will be asked in a form to approve \""
        + restatement
        + "\".";
  }

  String nextAfterApply() {
    return "Applied "
        + (policy.tokenAlone() ? "with a valid plan token" : "after the person approved it")
        + ", and read back: rules shows the weights the cluster holds now.";
  }
}
