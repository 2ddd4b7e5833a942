package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.diff.FieldChange;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import java.util.List;

/**
 * A change sent to the cluster, as a server-side dry run or for real.
 *
 * @param applied true only when the cluster stored the change
 * @param method {@code json-patch} (guarded RFC 6902), {@code update} (carrying the resourceVersion
 *     read, so a concurrent change is a Conflict), {@code create}, or {@code none}
 * @param patch the operations sent, tests first (json-patch only)
 * @param changes the intended change in words, rule by rule
 * @param fieldChanges what differs between the route before and the API server's answer: the object
 *     it would store (dry run) or stored and read back
 * @param rules the weights per rule in that answer
 * @param resourceVersion the version the change was computed from
 * @param newResourceVersion the version after the change (applied only)
 * @param next what to do now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveChange(
    String route,
    boolean applied,
    String method,
    List<JsonPatchOperation> patch,
    List<String> changes,
    List<FieldChange> fieldChanges,
    List<RuleSplit> rules,
    String resourceVersion,
    String newResourceVersion,
    List<String> warnings,
    String next) {}
