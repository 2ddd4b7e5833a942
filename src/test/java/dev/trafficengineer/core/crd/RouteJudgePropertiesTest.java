package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;

/** Whatever shape a route takes, the engine answers, leaves the input alone and is repeatable. */
class RouteJudgePropertiesTest {

  @Property(tries = 150)
  void anyMutationIsJudgedWithoutThrowing(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations) {
    if (!Files.isDirectory(SharedCrds.CRDS)) {
      return;
    }
    List<Path> corpus = SharedCrds.corpus("valid");
    JsonNode route =
        YamlReader.read(SharedCrds.read(corpus.get(Math.floorMod(seed, corpus.size()))))
            .get(0)
            .tree();
    RouteMutator mutator = new RouteMutator(seed);
    for (int i = 0; i < mutations; i++) {
      route = mutator.mutate(route).route();
    }
    RouteCrd crd = SharedCrds.crd("v1.6.1", "experimental", "httproutes");
    String before = route.toString();

    List<Violation> first = RouteJudge.judge(route, crd, new CelBudget());
    assertThat(RouteJudge.judge(route, crd, new CelBudget())).isEqualTo(first);
    assertThat(route.toString()).isEqualTo(before);

    ValidationResult result =
        CrdRouteValidator.validate(
            new ValidateRequest(
                before,
                null,
                SharedCrds.read(SharedCrds.CRDS.resolve("v1.6.1/experimental/httproutes.yaml")),
                null));
    boolean refused =
        result.findings().stream()
            .anyMatch(f -> f.code().startsWith("TE1") && f.severity().equals("error"));
    assertThat(refused).isEqualTo(!first.isEmpty());
  }
}
