package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

  @Test
  void validRouteHasNoFindings() {
    assertThat(Checked.run(Checked.CANARY, SchemaCheck::check)).isEmpty();
  }

  @Test
  void singularBackendRefSuggestsThePlural() {
    List<Finding> findings =
        Checked.run(Checked.CANARY.replace("- backendRefs:", "- backendRef:"), SchemaCheck::check);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE103");
              assertThat(f.path()).isEqualTo("/spec/rules/0/backendRef");
              assertThat(f.line()).isEqualTo(10);
              assertThat(f.fix()).contains("Did you mean \"backendRefs\"?");
            });
  }

  @Test
  void weightsSuggestsWeight() {
    List<Finding> findings =
        Checked.run(Checked.CANARY.replace("weight: 5", "weights: 5"), SchemaCheck::check);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("/spec/rules/0/backendRefs/1/weights");
              assertThat(f.fix()).contains("\"weight\"");
            });
  }

  @Test
  void farOffNamesListTheAllowedFields() {
    List<Finding> findings =
        Checked.run(Checked.CANARY.replace("weight: 5", "colour: blue"), SchemaCheck::check);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.fix())
                    .contains("accepts only: group, kind, name, namespace, port, weight"));
  }

  @Test
  void experimentalFieldsSayWhichChannelHasThem() {
    List<Finding> findings =
        Checked.run(Checked.CANARY + "      sessionPersistence: {}\n", SchemaCheck::check);

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("experimental-channel"));
  }

  @Test
  void wrongScalarTypesCarryTheFieldsOwnCode() {
    String yaml =
        Checked.CANARY.replace(
            "port: 8000\n          weight: 95", "port: \"8000\"\n          weight: 9.5");

    assertThat(Checked.codes(Checked.run(yaml, SchemaCheck::check)))
        .containsExactly("TE107", "TE106");
  }

  @Test
  void serverWrittenMetadataAndStatusAreAccepted() {
    String yaml =
        Checked.CANARY.replace(
                "  namespace: task-api\n",
                "  namespace: task-api\n  uid: abc\n  generation: 2\n  managedFields: [{manager: x}]\n")
            + "status:\n  parents: []\n";

    assertThat(Checked.run(yaml, SchemaCheck::check)).isEmpty();
  }

  @Test
  void nullsReadAsOmitted() {
    assertThat(Checked.run(Checked.CANARY.replace("weight: 5", "weight: ~"), SchemaCheck::check))
        .isEmpty();
  }
}
