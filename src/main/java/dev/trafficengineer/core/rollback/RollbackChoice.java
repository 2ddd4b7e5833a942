package dev.trafficengineer.core.rollback;

/**
 * One explicit request that fits a route, and what it would change there.
 *
 * @param field the request field: {@code target}, {@code canaryService} or {@code to}
 * @param value its value
 * @param effect the changed rules ("rule 0: a 100 -> 0, b 0 -> 100"), or "nothing to change"
 */
public record RollbackChoice(String field, String value, String effect) {}
