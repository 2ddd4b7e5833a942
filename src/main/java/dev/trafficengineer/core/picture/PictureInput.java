package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.validate.ProtectExpectation;
import java.util.List;
import java.util.Map;

/**
 * What the view asks to see: routes as YAML, optionally the requests to send (else one per rule
 * match), the protected traffic, and a {@code split} {service: weight} to try before drawing, set
 * on every rule that splits between two or more of those services.
 */
public record PictureInput(
    String yaml,
    List<RequestSpec> requests,
    ProtectExpectation protect,
    Map<String, Integer> split) {}
