package dev.trafficengineer.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the audit log.
 *
 * @param route {@code namespace/name} (or the namespace listed); absent when the call named none
 * @param outcome {@code ok}, {@code dry-run}, {@code applied}, {@code unchanged}, {@code gitops} or
 *     {@code refused}
 * @param message why it was refused (refused only)
 * @param patch the operations of a write
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AuditEntry(
    String time,
    String client,
    String tool,
    String route,
    String outcome,
    String message,
    String resourceVersionBefore,
    String resourceVersionAfter,
    Object patch) {}
