package dev.trafficengineer.core.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;

/**
 * A generated HTTPRoute: the YAML to apply, the effective split of each rule in percent, the
 * commands to check, apply, verify and undo it, and notes worth reading before applying.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RouteResult(
    String route,
    String file,
    String yaml,
    List<RuleSplit> split,
    List<ShellCommand> commands,
    List<String> notes) {}
