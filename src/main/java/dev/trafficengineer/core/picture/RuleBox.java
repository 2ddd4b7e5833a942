package dev.trafficengineer.core.picture;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One match of one rule at its place in the precedence order ({@code rank} from 1).
 *
 * @param label {@code rule 1}, {@code rule 1 match 0}, with the route when there are several
 * @param conditions what a request needs, such as {@code PathPrefix /api/, any method, ...}
 * @param shares where the rule sends its traffic, exactly
 * @param status 200 when it forwards, 500 when no backend can take its traffic, or a redirect code
 * @param shadowed why no request ever reaches it, or {@code null} when some can
 * @param protectedTraffic the rule matches the protected header and value
 * @param findings {@code TE201 error: ...} for the findings about this rule
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleBox(
    int rank,
    String route,
    int rule,
    int match,
    String label,
    String conditions,
    List<Share> shares,
    int status,
    String shadowed,
    boolean protectedTraffic,
    List<String> findings) {}
