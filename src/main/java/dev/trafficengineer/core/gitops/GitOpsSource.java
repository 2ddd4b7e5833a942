package dev.trafficengineer.core.gitops;

import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from a route's metadata whether Argo CD, Flux or Helm renders it from a source, and turns
 * a change into the form that belongs in that source. A live patch beside such a tool is reverted
 * at its next sync (or leaves the application OutOfSync until someone notices), so the change goes
 * where the route comes from.
 *
 * <ul>
 *   <li>Argo CD: label or annotation {@code argocd.argoproj.io/instance}, or the tracking
 *       annotation {@code argocd.argoproj.io/tracking-id} (with or without {@code
 *       app.kubernetes.io/instance});
 *   <li>Flux: label {@code kustomize.toolkit.fluxcd.io/name} or {@code
 *       helm.toolkit.fluxcd.io/name};
 *   <li>Helm: label {@code app.kubernetes.io/managed-by: Helm} or annotation {@code
 *       meta.helm.sh/release-name}.
 * </ul>
 *
 * Flux's helm-controller leaves Helm's marks too; Flux is named then, because it is what reverts.
 */
public final class GitOpsSource {
  static final String ARGO_INSTANCE = "argocd.argoproj.io/instance";
  static final String ARGO_TRACKING = "argocd.argoproj.io/tracking-id";
  static final String APP_INSTANCE = "app.kubernetes.io/instance";
  static final String FLUX_KUSTOMIZE = "kustomize.toolkit.fluxcd.io/name";
  static final String FLUX_HELM = "helm.toolkit.fluxcd.io/name";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String HELM_RELEASE = "meta.helm.sh/release-name";

  private GitOpsSource() {}

  public static Optional<GitOpsManager> of(ObjectMeta metadata) {
    if (metadata == null) {
      return Optional.empty();
    }
    Map<String, String> labels = metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    Map<String, String> annotations =
        metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
    List<String> flux = new ArrayList<>();
    mark(labels, "label", FLUX_KUSTOMIZE, flux);
    mark(labels, "label", FLUX_HELM, flux);
    if (!flux.isEmpty()) {
      return Optional.of(
          new GitOpsManager(
              "Flux",
              flux,
              "Flux applies the route from its source at every reconcile (by default every few"
                  + " minutes) and would revert a live patch."));
    }
    List<String> argo = new ArrayList<>();
    mark(labels, "label", ARGO_INSTANCE, argo);
    mark(annotations, "annotation", ARGO_INSTANCE, argo);
    mark(annotations, "annotation", ARGO_TRACKING, argo);
    if (!argo.isEmpty()) {
      mark(labels, "label", APP_INSTANCE, argo);
      return Optional.of(
          new GitOpsManager(
              "Argo CD",
              argo,
              "Argo CD would show the application OutOfSync, and revert a live patch at its next"
                  + " sync (at once when self-heal is on)."));
    }
    List<String> helm = new ArrayList<>();
    if ("helm".equalsIgnoreCase(labels.get(MANAGED_BY))) {
      helm.add("label " + MANAGED_BY + "=" + labels.get(MANAGED_BY));
    }
    mark(annotations, "annotation", HELM_RELEASE, helm);
    if (!helm.isEmpty()) {
      return Optional.of(
          new GitOpsManager(
              "Helm",
              helm,
              "the next helm upgrade of the release would put back the weights its chart declares"
                  + " (and helm diff shows the drift until then)."));
    }
    return Optional.empty();
  }

  /**
   * The warning an offline patch of such a route carries: it is read from a file, so whether it is
   * applied live is the reader's choice, but they should know what the tool will do.
   */
  public static List<String> warnings(ObjectMeta metadata) {
    return of(metadata)
        .map(
            manager ->
                List.of(
                    "The route is managed by "
                        + manager.tool()
                        + " ("
                        + String.join(", ", manager.evidence())
                        + "): "
                        + manager.consequence()
                        + " Commit the change to its source instead (a kustomize patches: entry"
                        + " with this JSON patch), or apply it live only as a stop-gap and commit"
                        + " it right after."))
        .orElse(List.of());
  }

  /**
   * The change as an entry of a kustomization's {@code patches:} list: the JSON 6902 operations
   * (their {@code test}s included, so {@code kustomize build} fails loudly when the source differs
   * from the route the change was computed from) and the target they apply to.
   */
  public static String kustomizePatch(
      RouteKind kind, String namespace, String name, List<JsonPatchOperation> operations) {
    return KustomizePatch.entry(kind, namespace, name, operations);
  }

  private static void mark(
      Map<String, String> entries, String what, String key, List<String> evidence) {
    String value = entries.get(key);
    if (value != null) {
      evidence.add(what + " " + key + (what.equals("label") ? "=" + value : ""));
    }
  }
}
