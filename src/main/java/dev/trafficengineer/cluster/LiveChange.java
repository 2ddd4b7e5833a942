package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.diff.FieldChange;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import java.util.List;

/**
 * A change sent to the cluster, as a server-side dry run or for real, or (for a route Argo CD, Flux
 * or Helm renders) not sent and returned for its source instead.
 *
 * @param kind {@code HTTPRoute} or {@code GRPCRoute}
 * @param applied true only when the cluster stored the change
 * @param method {@code json-patch} (guarded RFC 6902), {@code update} (carrying the resourceVersion
 *     read, so a concurrent change is a Conflict), {@code create}, {@code gitops} (not sent: see
 *     {@code gitops}), or {@code none}
 * @param patch the operations sent, tests first (json-patch and gitops only)
 * @param changes the intended change in words, rule by rule
 * @param fieldChanges what differs between the route before and the API server's answer: the object
 *     it would store (dry run) or stored and read back
 * @param rules the weights per rule in that answer
 * @param resourceVersion the version the change was computed from
 * @param newResourceVersion the version after the change (applied only)
 * @param confirmation the change in one line, as the person is asked to approve it
 * @param planToken what a second call passes to apply exactly this change (dry run only, and only
 *     when this caller can apply at all)
 * @param planExpires when the token expires (ISO 8601)
 * @param commands the kubectl commands a person can run to make the same change themselves: the
 *     server-side dry run, then the change
 * @param gitops the change for the route's source, when a GitOps tool or Helm manages the route
 * @param next what to do now
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveChange(
    String kind,
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
    String confirmation,
    String planToken,
    String planExpires,
    List<String> commands,
    GitOpsPlan gitops,
    String next) {}
