package dev.trafficengineer.cluster;

import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.generate.SplitSummary;
import dev.trafficengineer.core.ownership.ControllerOwnership;
import dev.trafficengineer.core.ownership.RouteOwner;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;

/** What the read tools show of a live route, computed by the core from the route read. */
final class RouteViews {
  private RouteViews() {}

  static <R extends HasMetadata> LiveRoute of(LiveKind<R> kind, R route) {
    String yaml = RouteYamlWriter.write(kind.withoutServerFields().apply(route));
    return new LiveRoute(
        kind.kind().kind(),
        name(route),
        route.getMetadata().getResourceVersion(),
        yaml,
        kind.splits().apply(route),
        parents(kind, route),
        ControllerOwnership.of(route.getMetadata()).orElse(null),
        RouteValidator.validate(new ValidateRequest(yaml, null)).findings());
  }

  static <R extends HasMetadata> RouteSummary summary(LiveKind<R> kind, R route) {
    List<ParentStatus> parents = parents(kind, route);
    Boolean accepted =
        parents.isEmpty()
            ? null
            : parents.stream()
                .allMatch(
                    parent ->
                        parent.conditions().stream()
                            .anyMatch(
                                c -> "Accepted".equals(c.type()) && "True".equals(c.status())));
    return new RouteSummary(
        kind.kind().kind(),
        route.getMetadata().getName(),
        orEmpty(kind.hostnames().apply(route)),
        orEmpty(kind.parentRefs().apply(route)).stream().map(RouteViews::parent).toList(),
        kind.splits().apply(route),
        accepted,
        ControllerOwnership.of(route.getMetadata()).map(RouteOwner::controller).orElse(null));
  }

  static String name(HasMetadata route) {
    return route.getMetadata().getNamespace() + "/" + route.getMetadata().getName();
  }

  static List<RuleSplit> rules(HTTPRoute route) {
    return route.getSpec() == null || route.getSpec().getRules() == null
        ? List.of()
        : SplitSummary.of(route);
  }

  static <R extends HasMetadata> List<ParentStatus> parents(LiveKind<R> kind, R route) {
    return orEmpty(kind.statuses().apply(route)).stream().map(RouteViews::status).toList();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static ParentStatus status(RouteParentStatus status) {
    List<Condition> conditions =
        status.getConditions() == null ? List.of() : status.getConditions();
    return new ParentStatus(
        status.getParentRef() == null ? "(unnamed)" : parent(status.getParentRef()),
        status.getControllerName(),
        conditions.stream()
            .map(c -> new ConditionView(c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
            .toList());
  }

  /** "Gateway task-api/task-api-gateway/https"; the namespace only when the ref names one. */
  private static String parent(ParentReference ref) {
    StringBuilder text = new StringBuilder(ref.getKind() == null ? "Gateway" : ref.getKind());
    text.append(' ');
    if (ref.getNamespace() != null) {
      text.append(ref.getNamespace()).append('/');
    }
    text.append(ref.getName());
    if (ref.getSectionName() != null) {
      text.append('/').append(ref.getSectionName());
    }
    return text.toString();
  }
}
