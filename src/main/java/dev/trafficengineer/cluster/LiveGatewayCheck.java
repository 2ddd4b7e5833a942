package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.validate.ContextSummary;
import dev.trafficengineer.core.validate.Finding;
import java.util.List;

/**
 * The cross-resource checks on what the cluster holds for one Gateway.
 *
 * @param gateway {@code namespace/name}
 * @param bundleVersion the installed Gateway API CRD bundle (annotation
 *     gateway.networking.k8s.io/bundle-version of the HTTPRoute CRD), or null when unreadable
 * @param channel {@code standard} or {@code experimental} (annotation
 *     gateway.networking.k8s.io/channel), or null
 * @param routes the HTTPRoutes, then the GRPCRoutes, that name the Gateway in a parentRef, as
 *     {@code namespace/name}
 * @param documents what each document index in the findings' paths is, as {@code Kind
 *     namespace/name}
 * @param findings validate_route's findings on those documents, TE5xx included
 */
public record LiveGatewayCheck(
    String gateway,
    @JsonInclude(JsonInclude.Include.NON_NULL) String bundleVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) String channel,
    List<String> routes,
    List<String> documents,
    boolean valid,
    List<Finding> findings,
    ContextSummary context) {

  public LiveGatewayCheck {
    routes = List.copyOf(routes);
    documents = List.copyOf(documents);
    findings = List.copyOf(findings);
  }
}
