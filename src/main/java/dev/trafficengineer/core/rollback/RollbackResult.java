package dev.trafficengineer.core.rollback;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;

/**
 * A guarded change of one route and how to run, check and verify it.
 *
 * @param route {@code namespace/name}
 * @param kind {@code HTTPRoute} or {@code GRPCRoute}: the resource the commands patch
 * @param target what the change does: stable, canary, blue, green, ab-off, or to (all traffic to
 *     the Service named by {@code to})
 * @param service the Service the change is about (given, or inferred and named here)
 * @param patchType {@code json} (RFC 6902), or {@code none} when no patch can be computed
 * @param patch the operations: {@code test}s first, then the changes
 * @param command the one command to run; absent when there is nothing to change
 * @param dryRunCommand the same patch checked by the API server without changing anything
 * @param verify prints one line per rule, {@code backend=weight}
 * @param changes each changed rule, before and after
 * @param cleanup commands for after the verify, every one destructive
 * @param mergePatch only when it is provably lossless, and then still second choice: it cannot test
 *     anything
 * @param warnings what to know before running the command
 * @param nothingToChange why there is no command when the route already is as asked (the traffic
 *     already goes where the request sends it); absent when there is a change
 * @param current every rule's backends and weights as read, "rule 0: a 100, b 0"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackResult(
    String route,
    String kind,
    String target,
    String service,
    String patchType,
    List<JsonPatchOperation> patch,
    String command,
    String dryRunCommand,
    String verify,
    List<String> changes,
    List<ShellCommand> cleanup,
    String mergePatch,
    List<String> warnings,
    String nothingToChange,
    List<String> current) {}
