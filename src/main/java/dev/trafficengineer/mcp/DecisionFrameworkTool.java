package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.Decision;
import dev.trafficengineer.core.generate.DecisionFramework;
import dev.trafficengineer.core.generate.DecisionRequest;

final class DecisionFrameworkTool extends CoreTool<DecisionRequest, Decision> {
  DecisionFrameworkTool() {
    super("decision_framework", "Choose a release pattern", DecisionRequest.class, Decision.class);
  }

  @Override
  String description() {
    return """
        Recommend a release pattern (canary, blue-green or ab-test) from yes/no answers about \
        the release; leave out what is unknown. Call it first when the user asks how to roll \
        something out or has not chosen a pattern. Returns the pattern, the reasons, the \
        caveats and the tool to call next (e.g. generate_canary): call that tool with the \
        user's namespace, gateway and Services.""";
  }

  @Override
  Decision call(DecisionRequest request) {
    return DecisionFramework.decide(request);
  }

  @Override
  String text(Decision result) {
    return ResultText.of(result);
  }
}
