package dev.trafficengineer.mcp;

import dev.trafficengineer.core.confirm.Approval;

/**
 * Who made a tool call, and how the person behind it can be asked to approve a change. It names no
 * SDK type, so the chat can make one too.
 *
 * @param client the client's name, as it introduced itself, for the audit log
 * @param approval asks the person; null when nobody can be asked (a client without forms)
 */
public record Caller(String client, Approval approval) {
  /** A caller whom nobody stands behind: writes can never be approved for it. */
  static Caller unknown() {
    return new Caller("unknown", null);
  }
}
