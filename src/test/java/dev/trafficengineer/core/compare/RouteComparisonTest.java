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
    assertThat(List.of(result.introduced(), result.fixed(), result.unchanged()))
        .containsExactly(1, 1, 1);
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
