package dev.trafficengineer.core.simulate;

import java.util.List;

/**
 * Routes as YAML (one or more documents; documents that are not HTTPRoutes are skipped), the
 * requests to send through them, optionally a seeded sample per request, and optionally a session
 * model for the effective shares users get over a stage.
 */
public record SimulateRequest(
    String yaml, List<RequestSpec> requests, Sample sample, SessionModel sessions) {

  /** Without a session model. */
  public SimulateRequest(String yaml, List<RequestSpec> requests, Sample sample) {
    this(yaml, requests, sample, null);
  }
}
