package dev.trafficengineer.core.validate;

import java.util.List;

/**
 * The documents given beside the routes, counted, and what the cross-resource checks could not
 * decide from them.
 *
 * @param skipped documents that are neither routes nor context (a Deployment, a ConfigMap), not
 *     reviewed
 * @param notes what was assumed or left undecided, e.g. a namespace selector without the Namespace
 */
public record ContextSummary(
    int gateways,
    int referenceGrants,
    int services,
    int endpointSlices,
    int namespaces,
    int skipped,
    List<String> notes) {

  public ContextSummary {
    notes = List.copyOf(notes);
  }
}
