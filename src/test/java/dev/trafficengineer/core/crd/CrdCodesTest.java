package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrdCodesTest {

  @Test
  @DisplayName("schema and CEL violations carry the catalog code of the field or rule")
  void eachViolationGetsItsCatalogCode() {
    SharedCrds.assumePresent();
    ValidationResult result =
        CrdRouteValidator.validate(
            new ValidateRequest(
                CrdRouteValidatorTest.fixture("one-problem-each.yaml"),
                null,
                CrdRouteValidatorTest.crdText("v1.6.1", "standard"),
                null));
    Map<Integer, String> codes = new TreeMap<>();
    for (Finding finding : result.findings()) {
      if (finding.code().startsWith("TE1")) {
        int document = Integer.parseInt(finding.path().split("/")[1]);
        codes.merge(document, finding.code(), (a, b) -> a + "," + b);
      }
    }
    assertThat(codes)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry(0, "TE107"),
                    Map.entry(1, "TE108"),
                    Map.entry(2, "TE112"),
                    Map.entry(3, "TE113"),
                    Map.entry(4, "TE111"),
                    Map.entry(5, "TE109"),
                    Map.entry(6, "TE110"),
                    Map.entry(7, "TE106"),
                    Map.entry(8, "TE104"),
                    Map.entry(9, "TE103"),
                    Map.entry(10, "TE114"))));
    assertThat(result.findings())
        .filteredOn(f -> f.path().startsWith("/9/") && f.code().equals("TE103"))
        .extracting(Finding::fix)
        .containsExactly("Did you mean backendRefs? Rename backendRef to backendRefs.");
    assertThat(List.of(result.crd().bundleVersion(), result.crd().channel()))
        .containsExactly("v1.6.1", "standard");
  }
}
