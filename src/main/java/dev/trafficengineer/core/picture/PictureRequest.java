package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.ProtectExpectation;
import java.util.List;

/**
 * What to draw: routes as YAML, the requests to send through them (when empty, one plain request
 * per rule match, plus {@code GET /}), the protected traffic to highlight, findings to show next to
 * their rules, and a caption.
 */
public record PictureRequest(
    String caption,
    String yaml,
    List<RequestSpec> requests,
    ProtectExpectation protect,
    List<Finding> findings) {}
