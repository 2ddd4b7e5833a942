package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  private static final List<String> BACKEND_REF =
      List.of("group", "kind", "name", "namespace", "port", "weight", "filters");

  @Test
  void findsPluralAndSingularSlips() {
    assertThat(NearestName.of("weights", BACKEND_REF)).isEqualTo("weight");
    assertThat(NearestName.of("backendRef", List.of("matches", "backendRefs")))
        .isEqualTo("backendRefs");
  }

  @Test
  void ignoresCase() {
    assertThat(NearestName.of("Weight", BACKEND_REF)).isEqualTo("weight");
  }

  @Test
  void refusesUnrelatedNames() {
    assertThat(NearestName.of("colour", BACKEND_REF)).isNull();
    assertThat(NearestName.of("ab", List.of("cd"))).isNull();
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.distance("", "abc")).isEqualTo(3);
  }
}
