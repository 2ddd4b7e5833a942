package dev.trafficengineer.core.confirm;

/**
 * A person's answer to one change, asked by whichever front end has a person at hand: an MCP
 * client's form (elicitation) or a terminal's y/N.
 */
@FunctionalInterface
public interface Approval {
  /**
   * Asks the person to approve the change restated in {@code restatement} (one line).
   *
   * @param details what else they may want to see (the patch), or an empty string
   */
  Answer ask(String restatement, String details);

  /** What the person said; only {@link #APPROVED} lets the change through. */
  enum Answer {
    APPROVED,
    DECLINED,
    CANCELLED
  }
}
