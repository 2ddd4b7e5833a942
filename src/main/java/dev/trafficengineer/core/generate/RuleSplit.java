package dev.trafficengineer.core.generate;

import java.util.List;

/** Which requests a rule takes ({@code when}) and how it splits them. */
public record RuleSplit(int rule, String when, List<BackendShare> backends) {}
