package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import java.util.List;

/**
 * A rollback that is not certain where the traffic should go, refused with the explicit requests
 * that fit the route and what each would change: at 3 AM a wrong guess moves production traffic
 * onto an idle Service, so the person chooses.
 */
public final class TargetRefused extends InvalidInputException {
  private final String reason;
  private final List<RollbackChoice> choices;

  TargetRefused(String target, String reason, List<RollbackChoice> choices) {
    super("target", target, "is refused: " + reason + listed(choices));
    this.reason = reason;
    this.choices = List.copyOf(choices);
  }

  /** Why, without the choices. */
  public String reason() {
    return reason;
  }

  public List<RollbackChoice> choices() {
    return choices;
  }

  private static String listed(List<RollbackChoice> choices) {
    if (choices.isEmpty()) {
      return ". No explicit request changes this route's weights.";
    }
    StringBuilder text = new StringBuilder(". Nothing was computed; choose one and call again:");
    for (RollbackChoice choice : choices) {
      text.append("\n  ")
          .append(choice.field())
          .append(": \"")
          .append(choice.value())
          .append("\" -> ")
          .append(choice.effect());
    }
    return text.toString();
  }
}
