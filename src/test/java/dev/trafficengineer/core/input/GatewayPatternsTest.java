package dev.trafficengineer.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayPatternsTest {
  /** The HTTPRoute CRD's own pattern for Exact and PathPrefix values. */
  private static final Pattern CRD_PATH =
      Pattern.compile("(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+");

  @Property(tries = 2000)
  @Label("path characters: the loop agrees with the CRD's pattern")
  void pathCharactersAsTheCrd(@ForAll("paths") String path) {
    assertThat(GatewayPatterns.pathCharacters(path)).isEqualTo(CRD_PATH.matcher(path).matches());
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("aZ09/-._~!$&'()*+,;=:@%fFgG #?é\u0000").ofMaxLength(40);
  }

  @Test
  @DisplayName("a path of 100,000 characters is judged, not a stack overflow")
  void longPath() {
    String path = "/" + "a".repeat(100_000);
    assertThat(GatewayPatterns.pathCharacters(path)).isTrue();

    String route =
        TestFiles.read("golden/lesson-combined.yaml").replace("value: /api/", "value: " + path);
    ValidationResult result = RouteValidator.validate(new ValidateRequest(route, null));

    assertThat(result.valid()).isFalse();
    assertThat(result.findings())
        .anySatisfy(f -> assertThat(f.message()).contains("1024"))
        .noneSatisfy(f -> assertThat(f.message()).contains("could not process it"));
  }
}
