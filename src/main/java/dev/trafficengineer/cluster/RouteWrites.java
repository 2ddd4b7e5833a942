package dev.trafficengineer.cluster;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.capacity.Capacity;
import dev.trafficengineer.core.diff.FieldChange;
import dev.trafficengineer.core.diff.RouteDiff;
import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.ownership.ControllerOwnership;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.WeightShift;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write tools. Each reads the live route, refuses it when a controller owns it, computes the
 * change in the core from what it read, and sends it as a server-side dry run ({@code dryRun=All})
 * unless the call is confirmed. Weight changes go as a guarded JSON Patch whose {@code test}s fail
 * when the route changed since the read; a whole route goes as an update carrying the {@code
 * resourceVersion} read, which the API server refuses with a Conflict when it is stale.
 */
public final class RouteWrites {
  private static final JsonMapper JSON = Json.MAPPER;

  private final Cluster cluster;

  public RouteWrites(Cluster cluster) {
    this.cluster = cluster;
  }

  public LiveChange rollback(LiveRollbackRequest request) {
    return rollback(read(request.namespace(), request.name()), request);
  }

  /** The rollback computed from {@code live}, the route as read before. */
  LiveChange rollback(HTTPRoute live, LiveRollbackRequest request) {
    refuseOwned(live);
    ReadyEndpoints.Counts ready = ReadyEndpoints.of(cluster, live);
    RollbackResult plan =
        Rollback.compute(
            new RollbackRequest(
                RouteYamlWriter.write(live),
                request.name(),
                request.namespace(),
                request.canaryService(),
                request.target(),
                request.to()),
            ready.counts());
    List<String> warnings = new ArrayList<>(ready.warnings());
    warnings.addAll(plan.warnings());
    if (plan.nothingToChange() != null) {
      warnings.add(0, "Nothing to change: " + plan.nothingToChange() + ".");
    }
    return patch(live, plan.patch(), plan.changes(), warnings, confirmed(request.confirm()));
  }

  public LiveChange setWeights(SetWeightsRequest request) {
    return setWeights(read(request.namespace(), request.name()), request);
  }

  LiveChange setWeights(HTTPRoute live, SetWeightsRequest request) {
    refuseOwned(live);
    WeightShift shift = WeightShift.set(live, request.weights());
    List<String> changes = shift.changes().stream().map(WeightShift.RuleChange::describe).toList();
    ReadyEndpoints.Counts ready = ReadyEndpoints.of(cluster, live);
    List<String> warnings = new ArrayList<>(ready.warnings());
    warnings.addAll(Capacity.check(shift.changes(), ready.counts()));
    return patch(live, shift.operations(), changes, warnings, confirmed(request.confirm()));
  }

  public LiveChange apply(ApplyRequest request) {
    HTTPRoute proposed = RouteInput.single("yaml", request.yaml());
    String namespace = proposed.getMetadata().getNamespace();
    String name = proposed.getMetadata().getName();
    HTTPRoute live;
    try {
      live = cluster.route(namespace, name).get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "get", namespace + "/" + name);
    }
    return live == null
        ? create(proposed, confirmed(request.confirm()))
        : apply(live, proposed, confirmed(request.confirm()));
  }

  /** {@code proposed} in place of {@code live}, the route as read before. */
  LiveChange apply(HTTPRoute live, HTTPRoute proposed, boolean confirm) {
    refuseOwned(live);
    HTTPRoute replacement = replacement(live, proposed);
    List<String> intended =
        RouteDiff.between(live, replacement).stream().map(FieldChange::describe).toList();
    if (intended.isEmpty()) {
      return unchanged(live, "the proposed route is what the cluster has");
    }
    HTTPRoute answer;
    try {
      answer = cluster.client().resource(replacement).dryRun(!confirm).update();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "update", RouteViews.name(live));
    }
    return result(live, answer, confirm, "update", null, intended, List.of());
  }

  private LiveChange create(HTTPRoute proposed, boolean confirm) {
    HTTPRoute answer;
    try {
      answer = cluster.client().resource(proposed).dryRun(!confirm).create();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "create", RouteViews.name(proposed));
    }
    HTTPRoute none =
        new HTTPRouteBuilder().withMetadata(proposed.getMetadata()).withSpec(null).build();
    return result(
        none,
        answer,
        confirm,
        "create",
        null,
        List.of("the route does not exist yet: it is created"),
        List.of());
  }

  /**
   * The live route with the proposed spec, labels and annotations. Everything else in its metadata
   * is kept: the resourceVersion (the update's guard), finalizers, and kubectl's last-applied
   * annotation, which is kubectl's bookkeeping rather than part of the proposal.
   */
  private static HTTPRoute replacement(HTTPRoute live, HTTPRoute proposed) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (proposed.getMetadata().getAnnotations() != null) {
      annotations.putAll(proposed.getMetadata().getAnnotations());
    }
    String lastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    if (live.getMetadata().getAnnotations() != null
        && live.getMetadata().getAnnotations().containsKey(lastApplied)) {
      annotations.put(lastApplied, live.getMetadata().getAnnotations().get(lastApplied));
    }
    return new HTTPRouteBuilder(live)
        .withApiVersion(proposed.getApiVersion())
        .withSpec(proposed.getSpec())
        .withStatus(null)
        .editMetadata()
        .withLabels(proposed.getMetadata().getLabels())
        .withAnnotations(annotations.isEmpty() ? null : annotations)
        .withManagedFields((List<io.fabric8.kubernetes.api.model.ManagedFieldsEntry>) null)
        .endMetadata()
        .build();
  }

  private LiveChange patch(
      HTTPRoute live,
      List<JsonPatchOperation> operations,
      List<String> changes,
      List<String> warnings,
      boolean confirm) {
    if (operations.isEmpty()) {
      return unchanged(live, String.join("; ", warnings));
    }
    PatchContext context = PatchContext.of(PatchType.JSON);
    if (!confirm) {
      context.setDryRun(List.of("All"));
    }
    HTTPRoute answer;
    try {
      answer =
          cluster
              .route(live.getMetadata().getNamespace(), live.getMetadata().getName())
              .patch(context, JSON.writeValueAsString(operations));
    } catch (KubernetesClientException e) {
      throw ApiErrors.ofGuardedPatch(e, RouteViews.name(live));
    }
    return result(live, answer, confirm, "json-patch", operations, changes, warnings);
  }

  private LiveChange result(
      HTTPRoute live,
      HTTPRoute answer,
      boolean confirm,
      String method,
      List<JsonPatchOperation> operations,
      List<String> changes,
      List<String> warnings) {
    // Confirmed: read back, so the report shows what the cluster holds now, not what was sent.
    HTTPRoute after =
        confirm
            ? cluster.read(answer.getMetadata().getNamespace(), answer.getMetadata().getName())
            : answer;
    List<String> allWarnings = new ArrayList<>(warnings);
    allWarnings.addAll(ControllerOwnership.warnings(live.getMetadata()));
    return new LiveChange(
        RouteViews.name(after),
        confirm,
        method,
        operations,
        changes,
        RouteDiff.between(live, after),
        RouteViews.rules(after),
        live.getMetadata().getResourceVersion(),
        confirm ? after.getMetadata().getResourceVersion() : null,
        List.copyOf(allWarnings),
        confirm
            ? "Applied and read back: rules shows the weights the cluster holds now."
            : "Nothing was changed: the API server checked this change as a dry run and"
                + " fieldChanges is what it would store. To apply it, call again with confirm:"
                + " true (command line: --yes).");
  }

  private static LiveChange unchanged(HTTPRoute live, String why) {
    return new LiveChange(
        RouteViews.name(live),
        false,
        "none",
        null,
        List.of(),
        List.of(),
        RouteViews.rules(live),
        live.getMetadata().getResourceVersion(),
        null,
        why.isEmpty() ? List.of() : List.of(why),
        "Nothing to change.");
  }

  private HTTPRoute read(String namespace, String name) {
    return cluster.read(
        InputRules.namespace("namespace", namespace), InputRules.subdomain("name", name));
  }

  private static boolean confirmed(Boolean confirm) {
    return Boolean.TRUE.equals(confirm);
  }

  /**
   * A controller that owns the route would revert the change at its next reconcile (or fight it,
   * aborting its own rollout): refused outright, with no override, because a change that silently
   * comes undone is worse at 3 AM than a refusal that says whom to ask.
   */
  private static void refuseOwned(HTTPRoute live) {
    ControllerOwnership.of(live.getMetadata())
        .ifPresent(
            owner -> {
              throw new ClusterException(
                  "OwnedByController",
                  "HTTPRoute "
                      + RouteViews.name(live)
                      + " is owned by "
                      + owner.controller()
                      + " ("
                      + String.join(", ", owner.evidence())
                      + "); traffic-engineer does not write routes a controller owns, because"
                      + " the controller would revert or fight the change. "
                      + owner.instead());
            });
  }
}
