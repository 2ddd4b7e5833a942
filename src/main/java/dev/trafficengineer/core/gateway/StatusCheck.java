package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;
import java.util.Objects;

/**
 * TE508: the route's status block read against the analysis. A condition whose {@code
 * observedGeneration} is behind {@code metadata.generation} describes an older spec; {@code
 * Accepted=True} for a parentRef that attaches to no listener, or {@code ResolvedRefs=True} while a
 * backend is missing or not permitted, contradicts what the documents given say.
 */
final class StatusCheck {
  private StatusCheck() {}

  static void check(
      int index,
      AnalyzedRoute route,
      List<ParentAttachment.Outcome> outcomes,
      boolean unresolvedBackends,
      List<GatewayFinding> findings) {
    Long generation = route.generation();
    List<RouteParentStatus> parents = route.status();
    for (int p = 0; p < parents.size(); p++) {
      RouteParentStatus parent = parents.get(p);
      if (parent == null) {
        continue;
      }
      List<Condition> conditions =
          parent.getConditions() == null ? List.of() : parent.getConditions();
      for (int c = 0; c < conditions.size(); c++) {
        Condition condition = conditions.get(c);
        if (condition == null) {
          continue;
        }
        String pointer = "/status/parents/" + p + "/conditions/" + c;
        if (generation != null
            && condition.getObservedGeneration() != null
            && condition.getObservedGeneration() < generation) {
          findings.add(
              finding(
                  index,
                  pointer + "/observedGeneration",
                  "Condition "
                      + condition.getType()
                      + " was observed at generation "
                      + condition.getObservedGeneration()
                      + " but the route is at generation "
                      + generation
                      + ": the status describes an older spec, so it says nothing about this one.",
                  "Wait for the controller to reconcile (observedGeneration equal to generation);"
                      + " if it never does, check the controller's logs and that it owns this"
                      + " route's Gateway."));
        }
        if (!"True".equals(condition.getStatus())) {
          continue;
        }
        if ("Accepted".equals(condition.getType())) {
          ParentAttachment.Outcome outcome = outcomeFor(parent.getParentRef(), route, outcomes);
          if (outcome != null && outcome.code() != null) {
            findings.add(
                finding(
                    index,
                    pointer + "/status",
                    "Accepted is True for parent "
                        + parentName(parent.getParentRef())
                        + ", but with the documents given the route attaches to no listener there ("
                        + outcome.code()
                        + "): the status is stale or the input differs from the cluster.",
                    "Compare the Gateway in the input with the cluster's (kubectl get gateway -o"
                        + " yaml) and re-check after the controller reconciles."));
          }
        }
        if ("ResolvedRefs".equals(condition.getType()) && unresolvedBackends) {
          findings.add(
              finding(
                  index,
                  pointer + "/status",
                  "ResolvedRefs is True, but a backend of the route is missing or not permitted"
                      + " with the documents given (TE505/TE506): the status is stale or the"
                      + " input differs from the cluster.",
                  "Compare the Services and ReferenceGrants in the input with the cluster's and"
                      + " re-check after the controller reconciles."));
        }
      }
    }
  }

  private static ParentAttachment.Outcome outcomeFor(
      ParentReference reported, AnalyzedRoute route, List<ParentAttachment.Outcome> outcomes) {
    if (reported == null) {
      return null;
    }
    String namespace = route.namespace();
    List<ParentReference> refs = route.parentRefs();
    for (ParentAttachment.Outcome outcome : outcomes) {
      ParentReference ref = refs.get(outcome.parentRef());
      if (Objects.equals(ref.getName(), reported.getName())
          && Objects.equals(
              ref.getNamespace() == null ? namespace : ref.getNamespace(),
              reported.getNamespace() == null ? namespace : reported.getNamespace())
          && Objects.equals(ref.getSectionName(), reported.getSectionName())
          && Objects.equals(ref.getPort(), reported.getPort())) {
        return outcome;
      }
    }
    return null;
  }

  private static String parentName(ParentReference parent) {
    return parent == null ? "(unnamed)" : parent.getName();
  }

  private static GatewayFinding finding(int index, String pointer, String message, String fix) {
    return new GatewayFinding(index, Codes.STATUS, "warning", pointer, message, fix, null);
  }
}
