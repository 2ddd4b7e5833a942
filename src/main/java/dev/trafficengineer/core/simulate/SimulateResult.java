package dev.trafficengineer.core.simulate;

import java.util.List;

/** One result per request, in order, and notes about the input (skipped documents ...). */
public record SimulateResult(List<RequestResult> results, List<String> notes) {}
