package dev.trafficengineer.core.generate;

import java.util.List;

/**
 * The pattern to use ({@code canary}, {@code blue-green} or {@code ab-test}), why, what to watch
 * out for, and the tool to call next.
 */
public record Decision(
    String pattern, List<String> reasons, List<String> caveats, String nextTool) {}
