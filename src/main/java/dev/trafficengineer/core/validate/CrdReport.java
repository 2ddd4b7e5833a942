package dev.trafficengineer.core.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which CRDs judged the routes, when the caller supplied them (validation against a given CRD); the
 * TE1xx findings are then the API server's verdict under those CRDs.
 *
 * @param kinds the route kinds the CRDs cover, e.g. {@code ["HTTPRoute", "GRPCRoute"]}; routes of
 *     another kind keep the built-in v1.6.1 standard checks
 * @param bundleVersion the {@code gateway.networking.k8s.io/bundle-version} annotation, or null
 * @param channel the {@code gateway.networking.k8s.io/channel} annotation, or null
 * @param beforeBundleVersion for an upgrade check, the bundle version of the CRDs before it
 * @param beforeChannel for an upgrade check, the channel of the CRDs before it
 * @param rejectedAfterUpgrade for an upgrade check, the routes the CRDs before accept and these
 *     reject ({@code namespace/name}, with the document's index when the input has several)
 */
public record CrdReport(
    List<String> kinds,
    String bundleVersion,
    String channel,
    @JsonInclude(JsonInclude.Include.NON_NULL) String beforeBundleVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) String beforeChannel,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> rejectedAfterUpgrade) {

  public CrdReport {
    kinds = List.copyOf(kinds);
    rejectedAfterUpgrade = rejectedAfterUpgrade == null ? null : List.copyOf(rejectedAfterUpgrade);
  }
}
