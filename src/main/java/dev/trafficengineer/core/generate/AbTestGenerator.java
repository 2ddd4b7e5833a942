package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.util.List;

/**
 * Generates A/B routes: a rule for requests carrying the test header, then the catch-all rule for
 * everyone else. The header rule is listed first and is also more specific (one more header), so it
 * wins under Gateway API precedence either way.
 */
public final class AbTestGenerator {
  private AbTestGenerator() {}

  public static RouteResult generate(AbTestRequest request) {
    if (GrpcGenerators.wanted(request.kind(), request.grpcMethod())) {
      return GrpcGenerators.abTest(request);
    }
    String stable = InputRules.label("stableService", request.stableService());
    String test = InputRules.label("testService", request.testService());
    if (stable.equals(test)) {
      throw new InvalidInputException(
          "testService", test, "must differ from stableService, or there is no experiment");
    }
    int port = InputRules.port("port", request.port());
    if (request.header() == null) {
      throw InvalidInputException.missing("header");
    }
    String name =
        request.name() == null ? RouteFrame.baseName(stable, "-stable") + "-ab" : request.name();
    RouteFrame frame =
        new RouteFrame(
            request.namespace(),
            name,
            request.gateway(),
            request.gatewayNamespace(),
            request.sectionName(),
            request.hostnames(),
            request.pathPrefix());
    HTTPRoute route =
        frame
            .route()
            .editSpec()
            .withRules(
                new HTTPRouteRuleBuilder()
                    .withMatches(frame.matches("header", request.header()))
                    .withBackendRefs(RouteFrame.backend(test, port, null))
                    .build(),
                new HTTPRouteRuleBuilder()
                    .withMatches(frame.matches())
                    .withBackendRefs(RouteFrame.backend(stable, port, null))
                    .build())
            .endSpec()
            .build();
    HeaderMatchInput header = request.header();
    String matched =
        "RegularExpression".equals(header.type())
            ? header.name() + " matching " + header.value()
            : header.name() + ": " + header.value();
    List<String> notes =
        List.of(
            "Requests with "
                + matched
                + " go to "
                + test
                + "; all others to "
                + stable
                + ". Header names match case-insensitively, values exactly.");
    if ("RegularExpression".equals(header.type())) {
      notes =
          List.of(
              notes.get(0),
              "Regular-expression header matches are Implementation-specific support: check that"
                  + " your Gateway supports them and which regex dialect it uses (often RE2).");
    }
    return RouteResults.of(route, RouteResults.standardCommands(route), notes);
  }
}
