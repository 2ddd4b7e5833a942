package dev.trafficengineer.core.simulate;

/**
 * What one backend gets from the users, as expected fractions: the share its weight declares, the
 * share of requests it actually serves, the users it serves at least once, and the users pinned to
 * it at the end.
 */
public record SessionShare(
    String backend,
    double declaredShare,
    double requestShare,
    double usersReached,
    double usersPinned) {}
