package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** What a route read for simulation must carry in its metadata, the same for HTTP and gRPC. */
final class RouteMetadata {
  private RouteMetadata() {}

  /**
   * Refuses a route without a name; notes one without a namespace, which is then taken as default.
   */
  static void check(String field, int document, HasMetadata route, List<String> notes) {
    if (route.getMetadata() == null || route.getMetadata().getName() == null) {
      throw new InvalidInputException(field, "document " + document, "has no metadata.name");
    }
    if (route.getMetadata().getNamespace() == null) {
      notes.add(
          "route "
              + route.getMetadata().getName()
              + " has no metadata.namespace; taken as default (kubectl would use the namespace"
              + " of its context)");
    }
  }
}
