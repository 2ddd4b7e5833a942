package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.crd.Violation.Kind;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The edge forms the issue names, judged by the v1.6.1 standard CRD itself. */
class EdgeFormsTest {

  private static final String EMOJI = "\uD83D\uDE80";

  @Test
  @DisplayName("accepted: 8000.0, namespace \"\", parentRefs null, remove entries, 4096 characters")
  void validFormsAreAccepted() {
    assertThat(judge(EMOJI.repeat(4096))).isEmpty();
  }

  @Test
  @DisplayName("lengths are counted in characters: 4097 emoji are one too many")
  void lengthsInCharacters() {
    assertThat(judge(EMOJI.repeat(4097)))
        .extracting(Violation::kind, Violation::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Kind.TOO_LONG, "/spec/rules/0/matches/0/headers/0/value"));
  }

  private static List<Violation> judge(String headerValue) {
    SharedCrds.assumePresent();
    String yaml =
        CrdRouteValidatorTest.fixture("issue-classes-route.yaml")
            .replace("VALUE", "\"" + headerValue + "\"");
    return RouteJudge.judge(
        YamlReader.read(yaml).get(0).tree(),
        SharedCrds.crd("v1.6.1", "standard", "httproutes"),
        new CelBudget());
  }
}
