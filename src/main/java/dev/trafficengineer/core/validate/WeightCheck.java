package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Weights: range (TE106), all-zero rules (TE201) and partly omitted weights (TE202). */
final class WeightCheck {

  static final long MAX_WEIGHT = 1_000_000;

  private WeightCheck() {}

  static void check(JsonNode route, Findings findings) {
    for (Located rule : RouteParts.rules(route)) {
      List<Located> backends = RouteParts.located(rule.node(), rule.pointer(), "backendRefs");
      int weighted = 0;
      int zero = 0;
      for (Located backend : backends) {
        Long weight = Tree.integer(backend.node(), "weight");
        if (weight == null) {
          continue;
        }
        weighted++;
        if (weight == 0) {
          zero++;
        }
        if (weight < 0 || weight > MAX_WEIGHT) {
          findings.error(
              Codes.WEIGHT,
              backend.pointer() + "/weight",
              "Weight %d is outside 0..1,000,000; the API server rejects the route."
                  .formatted(weight),
              "Use a weight from 0 to 1,000,000; weights are proportions, e.g. 95 and 5.");
        }
      }
      if (!backends.isEmpty() && zero == backends.size()) {
        findings.error(
            Codes.ALL_WEIGHTS_ZERO,
            rule.pointer() + "/backendRefs",
            "Every backend of this rule has weight 0, so no backend may receive its requests:"
                + " every request it matches gets a 5xx.",
            "Give at least one backend a weight above 0, e.g. 100 for the stable Service.");
      }
      if (weighted > 0 && weighted < backends.size()) {
        for (Located backend : backends) {
          if (backend.node().isObject() && !Tree.has(backend.node(), "weight")) {
            findings.warning(
                Codes.OMITTED_WEIGHT,
                backend.pointer(),
                "This backendRef has no weight while others in the rule do; an omitted weight is"
                    + " 1, not 0, so it still gets a share of the traffic.",
                "Write its weight explicitly: 0 to send it nothing, or the share you intend.");
          }
        }
      }
    }
  }
}
