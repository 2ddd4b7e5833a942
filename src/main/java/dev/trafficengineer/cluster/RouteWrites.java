package dev.trafficengineer.cluster;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.capacity.Capacity;
import dev.trafficengineer.core.confirm.Approval;
import dev.trafficengineer.core.confirm.PlanSubject;
import dev.trafficengineer.core.confirm.Restatement;
import dev.trafficengineer.core.diff.FieldChange;
import dev.trafficengineer.core.diff.RouteDiff;
import dev.trafficengineer.core.gitops.GitOpsManager;
import dev.trafficengineer.core.gitops.GitOpsSource;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.ownership.ControllerOwnership;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.WeightShift;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write tools, in two steps. The first call reads the live route, refuses it when a controller
 * owns it, computes the change in the core from what it read, sends it as a server-side dry run
 * ({@code dryRun=All}) and returns the result with a plan token. A second call with that token
 * applies the change only if the route is still the one read and the change is the same ({@link
 * WriteConfirmation}), dry-runs it again and asks the person. Weight changes go as a guarded JSON
 * Patch whose {@code test}s fail when the route changed since the read; a whole route goes as an
 * update carrying the {@code resourceVersion} read. A route that Argo CD, Flux or Helm renders is
 * not written at all: the change comes back in the form its source takes. Capacity (the ready
 * endpoints of the Services that would get more traffic) is checked on both calls before anything
 * is sent, so a refusal comes before any token is issued, checked or approved.
 */
public final class RouteWrites {
  private static final JsonMapper JSON = Json.MAPPER;

  private final Cluster cluster;
  private final WriteConfirmation confirmation;

  public RouteWrites(Cluster cluster, WritePolicy policy) {
    this.cluster = cluster;
    this.confirmation = new WriteConfirmation(policy);
  }

  /**
   * @param approval asks the person behind this call; null when nobody can be asked
   */
  public LiveChange rollback(LiveRollbackRequest request, Approval approval) {
    return RouteKind.of("kind", request.kind()) == RouteKind.GRPC_ROUTE
        ? rollback(
            LiveKind.GRPC,
            read(LiveKind.GRPC, request.namespace(), request.name()),
            request,
            approval)
        : rollback(read(request.namespace(), request.name()), request, approval);
  }

  /** The rollback computed from {@code live}, the route as read before. */
  LiveChange rollback(HTTPRoute live, LiveRollbackRequest request, Approval approval) {
    return rollback(LiveKind.HTTP, live, request, approval);
  }

  private <R extends HasMetadata> LiveChange rollback(
      LiveKind<R> kind, R live, LiveRollbackRequest request, Approval approval) {
    refuseOwned(kind, live);
    ReadyEndpoints.Counts ready = ReadyEndpoints.of(cluster, kind.rules().apply(live));
    RollbackResult plan =
        Rollback.compute(
            new RollbackRequest(
                RouteYamlWriter.write(live),
                request.name(),
                request.namespace(),
                request.canaryService(),
                request.target(),
                request.to(),
                kind.kind().kind()),
            ready.counts());
    List<String> warnings = new ArrayList<>(ready.warnings());
    warnings.addAll(plan.warnings());
    if (plan.nothingToChange() != null) {
      warnings.add(0, "Nothing to change: " + plan.nothingToChange() + ".");
    }
    return patch(
        "cluster_rollback",
        kind,
        live,
        plan.patch(),
        plan.changes(),
        warnings,
        request.planToken(),
        approval);
  }

  public LiveChange setWeights(SetWeightsRequest request, Approval approval) {
    return RouteKind.of("kind", request.kind()) == RouteKind.GRPC_ROUTE
        ? setWeights(
            LiveKind.GRPC,
            read(LiveKind.GRPC, request.namespace(), request.name()),
            request,
            approval)
        : setWeights(read(request.namespace(), request.name()), request, approval);
  }

  LiveChange setWeights(HTTPRoute live, SetWeightsRequest request, Approval approval) {
    return setWeights(LiveKind.HTTP, live, request, approval);
  }

  private <R extends HasMetadata> LiveChange setWeights(
      LiveKind<R> kind, R live, SetWeightsRequest request, Approval approval) {
    refuseOwned(kind, live);
    RouteRules rules = kind.rules().apply(live);
    WeightShift shift = WeightShift.set(rules, request.weights());
    List<String> changes = shift.changes().stream().map(WeightShift.RuleChange::describe).toList();
    ReadyEndpoints.Counts ready = ReadyEndpoints.of(cluster, rules);
    List<String> warnings = new ArrayList<>(ready.warnings());
    warnings.addAll(Capacity.check(shift.changes(), ready.counts()));
    return patch(
        "cluster_set_weights",
        kind,
        live,
        shift.operations(),
        changes,
        warnings,
        request.planToken(),
        approval);
  }

  /** The proposal's own {@code kind:} says which live route it replaces (or creates). */
  public LiveChange apply(ApplyRequest request, Approval approval) {
    return apply(LiveKind.ofDocument(request.yaml()), request, approval);
  }

  private <R extends HasMetadata> LiveChange apply(
      LiveKind<R> kind, ApplyRequest request, Approval approval) {
    R proposed = kind.parse().apply("yaml", request.yaml());
    String namespace = proposed.getMetadata().getNamespace();
    String name = proposed.getMetadata().getName();
    R live;
    try {
      live = cluster.route(kind.type(), namespace, name).get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "get", kind.kind(), namespace + "/" + name);
    }
    return live == null
        ? create(kind, proposed, request.planToken(), approval)
        : apply(kind, live, proposed, request.planToken(), approval);
  }

  /** {@code proposed} in place of {@code live}, the route as read before. */
  LiveChange apply(HTTPRoute live, HTTPRoute proposed, String token, Approval approval) {
    return apply(LiveKind.HTTP, live, proposed, token, approval);
  }

  private <R extends HasMetadata> LiveChange apply(
      LiveKind<R> kind, R live, R proposed, String token, Approval approval) {
    refuseOwned(kind, live);
    R replacement = replacement(kind, live, proposed);
    List<String> intended =
        RouteDiff.between(live, replacement).stream().map(FieldChange::describe).toList();
    if (intended.isEmpty()) {
      return unchanged(kind, live, "the proposed route is what the cluster has");
    }
    Optional<GitOpsManager> manager = GitOpsSource.of(live.getMetadata());
    if (manager.isPresent()) {
      return gitops(kind, live, null, intended, List.of(), manager.get(), null);
    }
    Write<R> write =
        new Write<>(
            "cluster_apply_route",
            kind,
            live,
            "update",
            null,
            intended,
            List.of(),
            JSON.writeValueAsString(replacement),
            List.of(
                KubectlCommands.applyFile("route.yaml", true),
                KubectlCommands.applyFile("route.yaml", false)),
            dryRun -> {
              try {
                return cluster.client().resource(replacement).dryRun(dryRun).update();
              } catch (KubernetesClientException e) {
                throw ApiErrors.of(e, "update", kind.kind(), RouteViews.name(live));
              }
            });
    return write(write, token, approval);
  }

  private <R extends HasMetadata> LiveChange create(
      LiveKind<R> kind, R proposed, String token, Approval approval) {
    Write<R> write =
        new Write<>(
            "cluster_apply_route",
            kind,
            kind.absent(proposed.getMetadata().getNamespace(), proposed.getMetadata().getName()),
            "create",
            null,
            List.of("the route does not exist yet: it is created"),
            List.of(),
            JSON.writeValueAsString(proposed),
            List.of(
                KubectlCommands.applyFile("route.yaml", true),
                KubectlCommands.applyFile("route.yaml", false)),
            dryRun -> {
              try {
                return cluster.client().resource(proposed).dryRun(dryRun).create();
              } catch (KubernetesClientException e) {
                throw ApiErrors.of(e, "create", kind.kind(), RouteViews.name(proposed));
              }
            });
    return write(write, token, approval);
  }

  /**
   * The proposed route (its apiVersion and spec, no status) with the live route's metadata, but the
   * proposed labels and annotations. Everything else in the live metadata is kept: the
   * resourceVersion (the update's guard), finalizers, and kubectl's last-applied annotation, which
   * is kubectl's bookkeeping rather than part of the proposal.
   */
  private static <R extends HasMetadata> R replacement(LiveKind<R> kind, R live, R proposed) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (proposed.getMetadata().getAnnotations() != null) {
      annotations.putAll(proposed.getMetadata().getAnnotations());
    }
    String lastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    if (live.getMetadata().getAnnotations() != null
        && live.getMetadata().getAnnotations().containsKey(lastApplied)) {
      annotations.put(lastApplied, live.getMetadata().getAnnotations().get(lastApplied));
    }
    R replacement = kind.withoutServerFields().apply(proposed);
    replacement.setMetadata(
        new ObjectMetaBuilder(live.getMetadata())
            .withLabels(proposed.getMetadata().getLabels())
            .withAnnotations(annotations.isEmpty() ? null : annotations)
            .withManagedFields((List<ManagedFieldsEntry>) null)
            .build());
    return replacement;
  }

  private <R extends HasMetadata> LiveChange patch(
      String tool,
      LiveKind<R> kind,
      R live,
      List<JsonPatchOperation> operations,
      List<String> changes,
      List<String> warnings,
      String token,
      Approval approval) {
    if (operations.isEmpty()) {
      return unchanged(kind, live, String.join("; ", warnings));
    }
    String namespace = live.getMetadata().getNamespace();
    String name = live.getMetadata().getName();
    Optional<GitOpsManager> manager = GitOpsSource.of(live.getMetadata());
    if (manager.isPresent()) {
      return gitops(
          kind,
          live,
          operations,
          changes,
          warnings,
          manager.get(),
          GitOpsSource.kustomizePatch(kind.kind(), namespace, name, operations));
    }
    String patch = JSON.writeValueAsString(operations);
    Write<R> write =
        new Write<>(
            tool,
            kind,
            live,
            "json-patch",
            operations,
            changes,
            warnings,
            patch,
            List.of(
                KubectlCommands.jsonPatch(kind.kind(), namespace, name, operations, true),
                KubectlCommands.jsonPatch(kind.kind(), namespace, name, operations, false)),
            dryRun -> {
              PatchContext context = PatchContext.of(PatchType.JSON);
              if (dryRun) {
                context.setDryRun(List.of("All"));
              }
              try {
                return cluster.route(kind.type(), namespace, name).patch(context, patch);
              } catch (KubernetesClientException e) {
                throw ApiErrors.ofGuardedPatch(e, kind.kind(), RouteViews.name(live));
              }
            });
    return write(write, token, approval);
  }

  /** One change ready to send, as a dry run ({@code send.apply(true)}) or for real. */
  private record Write<R extends HasMetadata>(
      String tool,
      LiveKind<R> kind,
      R live,
      String method,
      List<JsonPatchOperation> operations,
      List<String> changes,
      List<String> warnings,
      String change,
      List<String> commands,
      Function<Boolean, R> send) {

    PlanSubject subject() {
      return new PlanSubject(
          tool + " " + RouteViews.name(live),
          String.valueOf(live.getMetadata().getUid()),
          String.valueOf(live.getMetadata().getResourceVersion()),
          change);
    }
  }

  /**
   * Without a token: the dry run and a token for it. With one: the token checked before anything is
   * sent, the dry run again (so the person approves what the API server would store now), the
   * person asked, and only then the change itself.
   */
  private <R extends HasMetadata> LiveChange write(
      Write<R> write, String token, Approval approval) {
    PlanSubject subject = write.subject();
    if (token != null) {
      confirmation.checkToken(token, subject, approval, write.commands());
    }
    R dryRun = write.send().apply(true);
    List<String> warnings = warnings(write);
    String restatement = restatement(write.kind(), write.live(), dryRun);
    if (token == null) {
      WriteConfirmation.Plan plan =
          confirmation.canApply(approval) ? confirmation.issue(subject) : null;
      return change(
          write,
          dryRun,
          false,
          warnings,
          restatement,
          plan == null ? null : plan.token(),
          plan == null ? null : plan.expires().toString(),
          confirmation.nextAfterDryRun(restatement, plan));
    }
    confirmation.approve(approval, restatement, details(write, warnings));
    R answer = write.send().apply(false);
    // Read back, so the report shows what the cluster holds now, not what was sent.
    R after =
        cluster.read(
            write.kind(), answer.getMetadata().getNamespace(), answer.getMetadata().getName());
    return change(
        write, after, true, warnings, restatement, null, null, confirmation.nextAfterApply());
  }

  private static List<String> warnings(Write<?> write) {
    List<String> warnings = new ArrayList<>(write.warnings());
    warnings.addAll(ControllerOwnership.warnings(write.live().getMetadata()));
    return List.copyOf(warnings);
  }

  /** The change in one line, from the route read and the API server's answer. */
  private static <R extends HasMetadata> String restatement(LiveKind<R> kind, R live, R after) {
    List<FieldChange> fields = RouteDiff.between(live, after);
    int other = (int) fields.stream().filter(f -> !f.path().endsWith("/weight")).count();
    return Restatement.of(
        RouteViews.name(after), kind.splits().apply(live), kind.splits().apply(after), other);
  }

  /** What the form shows under the one line: the warnings (pre-apply checks) and the patch. */
  private static String details(Write<?> write, List<String> warnings) {
    StringBuilder text = new StringBuilder();
    warnings.forEach(warning -> text.append("Warning: ").append(warning).append('\n'));
    text.append(
        write.operations() == null
            ? String.join("\n", write.changes())
            : "JSON Patch: " + JSON.writeValueAsString(write.operations()));
    return text.toString();
  }

  private <R extends HasMetadata> LiveChange change(
      Write<R> write,
      R after,
      boolean applied,
      List<String> warnings,
      String restatement,
      String token,
      String expires,
      String next) {
    return new LiveChange(
        write.kind().kind().kind(),
        RouteViews.name(after),
        applied,
        write.method(),
        write.operations(),
        write.changes(),
        RouteDiff.between(write.live(), after),
        write.kind().splits().apply(after),
        write.live().getMetadata().getResourceVersion(),
        applied ? after.getMetadata().getResourceVersion() : null,
        warnings,
        restatement,
        token,
        expires,
        write.commands(),
        null,
        next);
  }

  /** Not sent: the change as its source takes it, and why. */
  private static <R extends HasMetadata> LiveChange gitops(
      LiveKind<R> kind,
      R live,
      List<JsonPatchOperation> operations,
      List<String> changes,
      List<String> warnings,
      GitOpsManager manager,
      String kustomizePatch) {
    return new LiveChange(
        kind.kind().kind(),
        RouteViews.name(live),
        false,
        "gitops",
        operations,
        changes,
        List.of(),
        kind.splits().apply(live),
        live.getMetadata().getResourceVersion(),
        null,
        warnings,
        null,
        null,
        null,
        null,
        new GitOpsPlan(manager.tool(), manager.evidence(), manager.consequence(), kustomizePatch),
        "Not patched live: "
            + manager.tool()
            + " manages this route ("
            + String.join(", ", manager.evidence())
            + "), and "
            + manager.consequence()
            + (kustomizePatch == null
                ? " Commit the proposed YAML to the route's source instead."
                : " Commit gitops.kustomizePatch to the kustomization beside the route's source"
                    + " (or change the weights there); the next sync applies it."));
  }

  private static <R extends HasMetadata> LiveChange unchanged(
      LiveKind<R> kind, R live, String why) {
    return new LiveChange(
        kind.kind().kind(),
        RouteViews.name(live),
        false,
        "none",
        null,
        List.of(),
        List.of(),
        kind.splits().apply(live),
        live.getMetadata().getResourceVersion(),
        null,
        why.isEmpty() ? List.of() : List.of(why),
        null,
        null,
        null,
        null,
        null,
        "Nothing to change.");
  }

  private HTTPRoute read(String namespace, String name) {
    return cluster.read(
        InputRules.namespace("namespace", namespace), InputRules.subdomain("name", name));
  }

  private <R extends HasMetadata> R read(LiveKind<R> kind, String namespace, String name) {
    return cluster.read(
        kind, InputRules.namespace("namespace", namespace), InputRules.subdomain("name", name));
  }

  /**
   * A controller that owns the route would revert the change at its next reconcile (or fight it,
   * aborting its own rollout): refused outright, with no override, because a change that silently
   * comes undone is worse at 3 AM than a refusal that says whom to ask.
   */
  private static void refuseOwned(LiveKind<?> kind, HasMetadata live) {
    ControllerOwnership.of(live.getMetadata())
        .ifPresent(
            owner -> {
              throw new ClusterException(
                  "OwnedByController",
                  kind.kind().kind()
                      + " "
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
