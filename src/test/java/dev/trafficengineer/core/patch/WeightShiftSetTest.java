package dev.trafficengineer.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WeightShift.set")
class WeightShiftSetTest {
  private static RouteRules combined() {
    return RouteRules.of(RouteInput.single("yaml", TestFiles.read("golden/lesson-combined.yaml")));
  }

  @Test
  @DisplayName("sets the named backends in every rule that lists them, guarded, nothing else")
  void sets() {
    WeightShift shift =
        WeightShift.set(combined(), Map.of("task-api-stable", 75, "task-api-canary", 25));

    assertThat(shift.changes())
        .extracting(WeightShift.RuleChange::describe)
        .containsExactly(
            "rule 0: task-api-stable 100 -> 75",
            "rule 1: task-api-stable 90 -> 75, task-api-canary 10 -> 25");
    List<JsonPatchOperation> operations = shift.operations();
    assertThat(operations.get(0).op()).isEqualTo("test");
    assertThat(operations)
        .filteredOn(op -> op.op().equals("replace"))
        .extracting(JsonPatchOperation::path, JsonPatchOperation::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/spec/rules/0/backendRefs/0/weight", 75),
            org.assertj.core.groups.Tuple.tuple("/spec/rules/1/backendRefs/0/weight", 75),
            org.assertj.core.groups.Tuple.tuple("/spec/rules/1/backendRefs/1/weight", 25));
  }

  @Test
  @DisplayName("the same weights again: no operation")
  void unchanged() {
    assertThat(WeightShift.set(combined(), Map.of("task-api-canary", 10)).operations()).isEmpty();
  }

  @Test
  @DisplayName("refuses a Service in no rule, a weight out of range, and a rule left at 0")
  void refusals() {
    assertThatThrownBy(() -> WeightShift.set(combined(), Map.of("task-api-v3", 5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weights.task-api-v3", "not a backend");
    assertThatThrownBy(() -> WeightShift.set(combined(), Map.of("task-api-canary", 1_000_001)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("0 to 1000000");
    assertThatThrownBy(() -> WeightShift.set(combined(), Map.of("task-api-stable", 0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rule 0", "weight 0 on every backend");
  }
}
