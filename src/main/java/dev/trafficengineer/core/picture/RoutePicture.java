package dev.trafficengineer.core.picture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One route picture as data: requests, the rules in precedence order, the backends, and what the
 * protection proof says. The SVG and the MCP App view both draw this.
 *
 * @param caption what the picture is of, such as {@code Stage 1: 5% to task-api-canary}
 * @param rules every match of every rule, the first one taking a request it shares with later ones
 * @param requests each request and where it goes, as the simulator decides
 * @param backends {@code namespace/name:port} of every backend any rule sends to
 * @param protection the proof's answer for the protected traffic, or {@code null} without one
 * @param notes findings that concern no single rule, and reading notes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutePicture(
    String caption,
    List<RuleBox> rules,
    List<RequestRow> requests,
    List<String> backends,
    String protection,
    List<String> notes) {}
