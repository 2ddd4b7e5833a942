package dev.trafficengineer.core.simulate;

import java.util.List;

/**
 * Routes as YAML (one or more documents; documents that are not HTTPRoutes are skipped), the
 * requests to send through them, and optionally a seeded sample per request.
 */
public record SimulateRequest(String yaml, List<RequestSpec> requests, Sample sample) {}
