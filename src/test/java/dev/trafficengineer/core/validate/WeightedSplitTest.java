package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedSplitTest {

  private static List<WeightedSplit> plain(String rules) {
    return WeightedSplit.ofPlainRules(YamlReader.read(Checked.withRules(rules)).get(0).tree());
  }

  @Test
  void omittedWeightsCountAsOne() {
    List<WeightedSplit> splits =
        plain("    - backendRefs: [{name: a, port: 80, weight: 3}, {name: b, port: 80}]\n");

    assertThat(splits)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.matches(Map.of("a", 75, "b", 25))).isTrue();
              assertThat(s.describe()).isEqualTo("a 75%, b 25%");
            });
  }

  @Test
  void aServiceListedTwiceGetsTheSum() {
    assertThat(
            plain(
                "    - backendRefs: [{name: a, port: 80, weight: 1}, {name: a, port: 81, weight: 1}, {name: b, port: 80, weight: 2}]\n"))
        .singleElement()
        .satisfies(s -> assertThat(s.matches(Map.of("a", 50, "b", 50))).isTrue());
  }

  @Test
  void rulesWithOnlyHeaderOrQueryMatchesAreNotPlain() {
    assertThat(
            plain(
                "    - matches: [{headers: [{name: a, value: b}]}, {queryParams: [{name: q, value: v}]}]\n      backendRefs: [{name: a, port: 80}]\n"))
        .isEmpty();
    assertThat(
            plain(
                "    - matches: [{headers: [{name: a, value: b}]}, {path: {value: /x}}]\n      backendRefs: [{name: a, port: 80}]\n"))
        .hasSize(1);
  }

  @Test
  void unintendedServicesMustBeZero() {
    assertThat(
            plain(
                "    - backendRefs: [{name: a, port: 80, weight: 100}, {name: c, port: 80, weight: 0}]\n"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.matches(Map.of("a", 100))).isTrue();
              assertThat(s.fixFor(Map.of("a", 100))).isEqualTo("a: 100, c: 0");
            });
  }
}
