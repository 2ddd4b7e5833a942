package dev.trafficengineer.core.precedence;

import java.util.List;
import java.util.Map;

/**
 * One match of one rule, at its place in the precedence order: {@code route} is {@code
 * namespace/name}, {@code conditions} what a request needs to be taken (as in the reasons), {@code
 * headers} its exact header matches, and {@code example} the plainest request the match takes, or
 * {@code null} when a regular expression makes one uncertain.
 */
public record RankedMatch(
    RuleRef ref,
    String route,
    List<String> hostnames,
    String conditions,
    Map<String, String> headers,
    HttpRequest example) {}
