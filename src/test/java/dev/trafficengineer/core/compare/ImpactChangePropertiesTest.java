package dev.trafficengineer.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The impact-change review over every pair of splits: the canary Service of impact-before.yaml is
 * missing, so its share of the traffic fails before and after, and only the weights move.
 */
class ImpactChangePropertiesTest {

  @Property(tries = 60)
  void changedExactlyWhenTheFailingShareMoves(
      @ForAll @IntRange(min = 1, max = 99) int before,
      @ForAll @IntRange(min = 1, max = 99) int after) {
    ComparisonResult result =
        RouteComparison.compare(new CompareRequest(split(before), split(after)));

    assertThat(result.findings()).hasSize(1);
    ComparedFinding finding = result.findings().get(0);
    assertThat(finding.code()).isEqualTo("TE505");
    assertThat(finding.impact()).isEqualTo(after / 100.0);
    if (before == after) {
      assertThat(finding.change()).isEqualTo(ComparedFinding.UNCHANGED);
      assertThat(finding.impactBefore()).isNull();
    } else {
      assertThat(finding.change()).isEqualTo(ComparedFinding.CHANGED);
      assertThat(finding.impactBefore()).isEqualTo(before / 100.0);
    }
    assertThat(result.valid()).isEqualTo(after <= before);
    assertThat(result.introduced() + result.fixed()).isZero();
  }

  /** impact-before.yaml with the missing canary at {@code canary}% of the traffic. */
  private static String split(int canary) {
    return RouteComparisonTest.resource("impact-before.yaml")
        .replace("weight: 90", "weight: STABLE")
        .replace("weight: 10", "weight: " + canary)
        .replace("weight: STABLE", "weight: " + (100 - canary));
  }
}
