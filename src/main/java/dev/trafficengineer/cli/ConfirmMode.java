package dev.trafficengineer.cli;

/** {@code serve --confirm}: what lets a planned cluster write through. */
enum ConfirmMode {
  /** The plan token and the person's yes in a form their client shows. */
  elicit,
  /** The plan token alone: weaker, since whoever holds the token can apply. */
  token
}
