package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrdRouteValidatorTest {

  @Test
  @DisplayName("without a CRD the result is the built-in review's, unchanged")
  void withoutCrdTheBuiltInChecksApply() {
    ValidateRequest request = new ValidateRequest(fixture("retry-route.yaml"), null);
    assertThat(CrdRouteValidator.validate(request)).isEqualTo(RouteValidator.validate(request));
  }

  @Test
  @DisplayName("retry: accepted by the experimental CRD, refused by the standard one")
  void experimentalFieldJudgedByTheGivenChannel() {
    SharedCrds.assumePresent();
    String route = fixture("retry-route.yaml");
    ValidationResult experimental = validate(route, crdText("v1.6.1", "experimental"), null);
    assertThat(experimental.valid()).isTrue();
    assertThat(experimental.crd().bundleVersion()).isEqualTo("v1.6.1");
    assertThat(experimental.crd().channel()).isEqualTo("experimental");

    ValidationResult standard = validate(route, crdText("v1.6.1", "standard"), null);
    assertThat(standard.valid()).isFalse();
    assertThat(errors(standard))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE103");
              assertThat(f.path()).isEqualTo("/spec/rules/0/retry");
              assertThat(f.line()).isEqualTo(13);
              assertThat(f.message())
                  .contains("unknown field \"spec.rules[0].retry\"")
                  .contains("HTTPRoute CRD v1.6.1 standard");
            });
  }

  @Test
  @DisplayName("each document is judged on its own: codes, paths and lines per document")
  void findingsCarryCodePathAndLine() {
    SharedCrds.assumePresent();
    ValidationResult result =
        validate(fixture("two-routes.yaml"), crdText("v1.6.1", "standard"), null);
    assertThat(errors(result))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE106");
              assertThat(f.path()).isEqualTo("/1/spec/rules/0/backendRefs/0/weight");
              assertThat(f.line()).isEqualTo(26);
              assertThat(f.message())
                  .contains("spec.rules[0].backendRefs[0].weight: Invalid value: 1000001");
            });
    // The built-in review's traffic findings stay: the second rule mixes weights.
    assertThat(result.findings()).extracting(Finding::code).contains("TE202");
  }

  @Test
  @DisplayName("upgrade check: routes the old CRD accepts and the new one refuses")
  void upgradeListsRoutesTheNewCrdRefuses() {
    SharedCrds.assumePresent();
    String route = fixture("redirect-303.yaml");
    ValidationResult downgrade =
        validate(route, crdText("v1.4.0", "standard"), crdText("v1.6.1", "standard"));
    assertThat(downgrade.crd().rejectedAfterUpgrade()).containsExactly("web/moved");
    assertThat(downgrade.crd().beforeBundleVersion()).isEqualTo("v1.6.1");
    assertThat(errors(downgrade)).extracting(Finding::code).containsExactly("TE114");

    ValidationResult upgrade =
        validate(route, crdText("v1.6.1", "standard"), crdText("v1.4.0", "standard"));
    assertThat(upgrade.crd().rejectedAfterUpgrade()).isEmpty();
    assertThat(upgrade.valid()).isTrue();
  }

  @Test
  @DisplayName("a rule calling a function this validator lacks is reported, never passed")
  void unimplementedFunctionFailsLoudly() {
    String crd = fixture("lower-ascii-crd.yaml");
    assertThat(RouteCrds.parse(crd).forKind("HTTPRoute").uncompiledRules())
        .singleElement()
        .asString()
        .contains("lowerAscii");
    ValidationResult result = validate(fixture("lowercase-hostname-route.yaml"), crd, null);
    assertThat(result.valid()).isFalse();
    assertThat(errors(result))
        .filteredOn(f -> f.code().equals("TE103"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("/spec/hostnames/0");
              assertThat(f.message()).contains("not checked").contains("lowerAscii");
            });
  }

  @Test
  @DisplayName("a schema the validator cannot enforce refuses the crdYaml when a route needs it")
  void unenforceableSchemaIsRefused() {
    assertThatThrownBy(
            () -> validate(fixture("three-hostnames-route.yaml"), fixture("one-of-crd.yaml"), null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("crdYaml"))
        .hasMessageContaining("uses oneOf");
  }

  @Test
  @DisplayName("a crdYaml without a route CRD is refused, naming the argument")
  void notACrdIsRefused() {
    assertThatThrownBy(() -> validate(fixture("retry-route.yaml"), fixture("not-a-crd.yaml"), null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("crdYaml"))
        .hasMessageContaining("holds no CustomResourceDefinition of HTTPRoute or GRPCRoute");
    assertThatThrownBy(
            () ->
                CrdRouteValidator.validate(
                    new ValidateRequest(
                        fixture("retry-route.yaml"), null, null, fixture("not-a-crd.yaml"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs crdYaml");
  }

  private static ValidationResult validate(String yaml, String crd, String before) {
    return CrdRouteValidator.validate(new ValidateRequest(yaml, null, crd, before));
  }

  private static List<Finding> errors(ValidationResult result) {
    return result.findings().stream().filter(f -> f.severity().equals(Finding.ERROR)).toList();
  }

  static String crdText(String tag, String channel) {
    return SharedCrds.read(
        SharedCrds.CRDS.resolve(tag).resolve(channel).resolve("httproutes.yaml"));
  }

  static String fixture(String name) {
    try (InputStream in =
        Objects.requireNonNull(CrdRouteValidatorTest.class.getResourceAsStream("/crd/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
