package dev.trafficengineer.core.simulate;

import java.util.List;

/** The session model's effective shares as a table a person reads. */
final class SessionText {
  private SessionText() {}

  static void append(StringBuilder text, SessionOutcome outcome) {
    text.append("\nSessions: ")
        .append(String.format("%,d", outcome.users()))
        .append(" users x ")
        .append(outcome.requestsPerUser())
        .append(" requests through ")
        .append(outcome.route())
        .append(" rule ")
        .append(outcome.rule())
        .append(", pinning ")
        .append(outcome.pinning())
        .append(outcome.pinTo() == null ? "" : " (only " + outcome.pinTo() + " pins)")
        .append('\n');
    table(text, "during the stage", outcome.stage());
    table(text, "after the weight change, returning users", outcome.afterChangeReturning());
    table(text, "after the weight change, new users", outcome.afterChangeNew());
    outcome.notes().forEach(note -> text.append("- ").append(note).append('\n'));
  }

  private static void table(StringBuilder text, String title, List<SessionShare> shares) {
    if (shares.isEmpty()) {
      return;
    }
    text.append("  ").append(title).append(":\n");
    for (SessionShare share : shares) {
      text.append("    ")
          .append(share.backend())
          .append(": declared ")
          .append(StickySessions.percent(share.declaredShare()))
          .append(", requests ")
          .append(StickySessions.percent(share.requestShare()))
          .append(", users reached ")
          .append(StickySessions.percent(share.usersReached()))
          .append(", users pinned ")
          .append(StickySessions.percent(share.usersPinned()))
          .append('\n');
    }
  }
}
