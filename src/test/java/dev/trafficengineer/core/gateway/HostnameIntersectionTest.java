package dev.trafficengineer.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The examples of httproute_types.go (HTTPRouteSpec.Hostnames) and gateway_types.go. */
class HostnameIntersectionTest {

  @Test
  @DisplayName("a wildcard listener takes names under it, never the bare domain")
  void wildcardListener() {
    assertThat(
            HostnameIntersection.of(
                "*.example.com",
                List.of("test.example.com", "*.example.com", "*.foo.example.com", "example.com")))
        .containsExactly("test.example.com", "*.example.com", "*.foo.example.com");
    assertThat(HostnameIntersection.of("*.example.com", List.of("test.example.net"))).isNull();
  }

  @Test
  @DisplayName("an exact listener serves a wildcard route as its own name")
  void exactListener() {
    assertThat(HostnameIntersection.of("test.example.com", List.of("*.example.com")))
        .containsExactly("test.example.com");
    assertThat(HostnameIntersection.of("test.example.com", List.of("*.test.example.com"))).isNull();
  }

  @Test
  @DisplayName("an open side takes the other side's names")
  void openSides() {
    assertThat(HostnameIntersection.of(null, List.of())).isEmpty();
    assertThat(HostnameIntersection.of(null, List.of("A.example.com")))
        .containsExactly("a.example.com");
    assertThat(HostnameIntersection.of("a.example.com", List.of()))
        .containsExactly("a.example.com");
  }

  @Property
  void intersectionIsSymmetricForSingleNames(@ForAll("names") String a, @ForAll("names") String b) {
    List<String> ab = HostnameIntersection.of(a, List.of(b));
    List<String> ba = HostnameIntersection.of(b, List.of(a));
    assertThat(ab).isEqualTo(ba);
  }

  @Property
  void servedNamesAreTakenByTheListener(
      @ForAll("names") String listener, @ForAll("names") String route) {
    List<String> served = HostnameIntersection.of(listener, List.of(route));
    if (served != null) {
      assertThat(served)
          .allSatisfy(
              name ->
                  assertThat(HostnameIntersection.of(listener, List.of(name)))
                      .containsExactly(name));
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(
        "example.com",
        "a.example.com",
        "b.example.com",
        "*.example.com",
        "x.a.example.com",
        "*.a.example.com",
        "example.net",
        "*.net");
  }
}
