package dev.trafficengineer.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteComparisonTest {

  @Test
  @DisplayName("a change is reviewed as introduced, fixed and unchanged findings")
  void marksEachFinding() {
    ComparisonResult result =
        RouteComparison.compare(
            new CompareRequest(resource("store-before.yaml"), resource("store-after.yaml")));

    assertThat(result.findings())
        .extracting(f -> f.change() + " " + f.code() + " " + f.resource() + " " + f.path())
        .containsExactly(
            "introduced TE503 HTTPRoute store/store /spec/parentRefs/1/sectionName",
            "fixed TE505 HTTPRoute store/store /spec/rules/0/backendRefs/1/name",
            "unchanged TE505 HTTPRoute store/store /spec/rules/1/backendRefs/0/name");
    assertThat(result.valid()).isFalse();
    assertThat(List.of(result.introduced(), result.fixed(), result.changed(), result.unchanged()))
        .containsExactly(1, 1, 0, 1);
    assertThat(result.findings().get(1).impact()).isEqualTo(0.2);
  }

  @Test
  @DisplayName("a change that only fixes is valid, and lines follow their own input")
  void fixOnly() {
    ComparisonResult result =
        RouteComparison.compare(
            new CompareRequest(resource("store-before.yaml"), resource("store-before.yaml")));

    assertThat(result.valid()).isTrue();
    assertThat(result.introduced()).isZero();
    assertThat(result.unchanged()).isEqualTo(2);

    ComparisonResult reverse =
        RouteComparison.compare(
            new CompareRequest(resource("store-after.yaml"), resource("store-before.yaml")));
    assertThat(reverse.valid()).isFalse();
    assertThat(reverse.findings())
        .filteredOn(f -> f.change().equals(ComparedFinding.FIXED))
        .extracting(ComparedFinding::line)
        .containsExactly(lineOf("store-after.yaml", "sectionName: https"));
  }

  @Test
  @DisplayName(
      "a finding whose share of failing traffic grows is changed, with both impacts, and blocks")
  void impactGrows() {
    ComparisonResult result =
        RouteComparison.compare(
            new CompareRequest(resource("impact-before.yaml"), resource("impact-worse.yaml")));

    assertThat(result.findings())
        .extracting(f -> f.change() + " " + f.code() + " " + f.impactBefore() + " -> " + f.impact())
        .containsExactly("changed TE505 0.1 -> 0.5");
    assertThat(List.of(result.introduced(), result.fixed(), result.changed(), result.unchanged()))
        .containsExactly(0, 0, 1, 0);
    assertThat(result.valid()).isFalse();
    assertThat(ComparisonReport.render(result))
        .contains("Failing before: 10%, after: 50%.")
        .contains("    fix: ")
        .endsWith(
            "blocked: the change makes more traffic fail: 0 introduced, 0 fixed, 1 changed,"
                + " 0 unchanged\n");
  }

  @Test
  @DisplayName("a finding whose share of failing traffic shrinks is changed and does not block")
  void impactShrinks() {
    ComparisonResult result =
        RouteComparison.compare(
            new CompareRequest(resource("impact-before.yaml"), resource("impact-better.yaml")));

    assertThat(result.findings())
        .extracting(f -> f.change() + " " + f.code() + " " + f.impactBefore() + " -> " + f.impact())
        .containsExactly("changed TE505 0.1 -> 0.05");
    assertThat(result.valid()).isTrue();
    assertThat(ComparisonReport.render(result))
        .doesNotContain("fix:")
        .endsWith("1 changed, 0 unchanged\n");
  }

  @Test
  @DisplayName("the same impact in both states is unchanged, without impactBefore")
  void sameImpact() {
    ComparisonResult result =
        RouteComparison.compare(
            new CompareRequest(resource("impact-before.yaml"), resource("impact-before.yaml")));

    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.change()).isEqualTo(ComparedFinding.UNCHANGED);
              assertThat(f.impactBefore()).isNull();
            });
  }

  @Test
  @DisplayName("both states are required, naming the field")
  void required() {
    assertThatThrownBy(() -> RouteComparison.compare(new CompareRequest(" ", "x: 1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("before");
    assertThatThrownBy(() -> RouteComparison.compare(new CompareRequest("x: 1", null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("after");
  }

  private static int lineOf(String name, String text) {
    List<String> lines = resource(name).lines().toList();
    return lines.indexOf(lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow())
        + 1;
  }

  static String resource(String name) {
    try (var in =
        Objects.requireNonNull(RouteComparisonTest.class.getResourceAsStream("/compare/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
