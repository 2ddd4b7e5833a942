package dev.trafficengineer.core.ownership;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides from a route's metadata whether a controller owns it. Flagger and Argo Rollouts set the
 * weights of the routes they manage at every reconcile: a rollback patched beside them is undone
 * within the analysis interval, or makes the controller abort or retry in ways nobody asked for. An
 * owner reference means the same for whatever controller wrote it, and also that the route is
 * deleted with its owner. Any one of these signs is enough:
 *
 * <ul>
 *   <li>an entry in {@code metadata.ownerReferences};
 *   <li>a label or annotation whose key is, or is under, {@code flagger.app} (Flagger), or {@code
 *       app.kubernetes.io/managed-by: flagger};
 *   <li>a label or annotation under {@code rollouts.argoproj.io/} or {@code
 *       argo-rollouts.argoproj.io/} (Argo Rollouts and its Gateway API plugin), or {@code
 *       app.kubernetes.io/managed-by} naming argo-rollouts.
 * </ul>
 *
 * Any other {@code app.kubernetes.io/managed-by} value (Helm, a GitOps tool) is only a {@link
 * #warnings warning}: such tools restore the route at their next release or sync, not continuously.
 */
public final class ControllerOwnership {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  private static final String FLAGGER = "Flagger";
  private static final String ARGO = "Argo Rollouts";

  private ControllerOwnership() {}

  /** The controller that owns the route, if any; Flagger and Argo Rollouts before owner refs. */
  public static Optional<RouteOwner> of(ObjectMeta metadata) {
    if (metadata == null) {
      return Optional.empty();
    }
    List<String> flagger = new ArrayList<>();
    List<String> argo = new ArrayList<>();
    collect(metadata.getLabels(), "label", flagger, argo);
    collect(metadata.getAnnotations(), "annotation", flagger, argo);
    if (!flagger.isEmpty()) {
      return Optional.of(
          new RouteOwner(
              FLAGGER,
              List.copyOf(flagger),
              "Flagger sets this route's weights itself: roll back through Flagger (its rollback"
                  + " gate, or let the canary analysis fail), or suspend the Canary resource"
                  + " first."));
    }
    if (!argo.isEmpty()) {
      return Optional.of(
          new RouteOwner(
              ARGO,
              List.copyOf(argo),
              "Argo Rollouts sets this route's weights itself: run `kubectl argo rollouts abort"
                  + " ROLLOUT -n NAMESPACE` (or promote/undo through the Rollout) instead."));
    }
    List<OwnerReference> owners = metadata.getOwnerReferences();
    if (owners != null && !owners.isEmpty()) {
      List<String> evidence =
          owners.stream()
              .map(
                  owner ->
                      "ownerReference "
                          + owner.getKind()
                          + "/"
                          + owner.getName()
                          + (Boolean.TRUE.equals(owner.getController()) ? " (controller)" : ""))
              .toList();
      OwnerReference first = owners.get(0);
      return Optional.of(
          new RouteOwner(
              first.getKind() + "/" + first.getName(),
              evidence,
              "Change the owning "
                  + first.getKind()
                  + " instead: its controller writes this route and reverts edits made beside"
                  + " it."));
    }
    return Optional.empty();
  }

  /** Tools that restore the route at their next release or sync; they do not refuse a change. */
  public static List<String> warnings(ObjectMeta metadata) {
    if (metadata == null || metadata.getLabels() == null) {
      return List.of();
    }
    String manager = metadata.getLabels().get(MANAGED_BY);
    if (manager == null || isFlagger(manager) || isArgoRollouts(manager)) {
      return List.of();
    }
    return List.of(
        "The route is labelled "
            + MANAGED_BY
            + ": "
            + manager
            + "; its next release or sync may restore the weights it declares. Change them there"
            + " too.");
  }

  private static void collect(
      Map<String, String> entries, String what, List<String> flagger, List<String> argo) {
    if (entries == null) {
      return;
    }
    // Sorted, so that the evidence reads the same on every call.
    new TreeMap<>(entries)
        .forEach(
            (key, value) -> {
              String shown = what + " " + key + (what.equals("label") ? "=" + value : "");
              if (key.equals("flagger.app") || key.startsWith("flagger.app/")) {
                flagger.add(shown);
              } else if (key.startsWith("rollouts.argoproj.io/")
                  || key.startsWith("argo-rollouts.argoproj.io/")) {
                argo.add(shown);
              } else if (key.equals(MANAGED_BY) && isFlagger(value)) {
                flagger.add(shown);
              } else if (key.equals(MANAGED_BY) && isArgoRollouts(value)) {
                argo.add(shown);
              }
            });
  }

  private static boolean isFlagger(String manager) {
    return manager.toLowerCase(Locale.ROOT).equals("flagger");
  }

  private static boolean isArgoRollouts(String manager) {
    String lower = manager.toLowerCase(Locale.ROOT);
    return lower.equals("argo-rollouts")
        || lower.equals("argo-rollout")
        || lower.equals("rollouts");
  }
}
