package dev.trafficengineer.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("controller ownership")
class ControllerOwnershipTest {
  @ParameterizedTest(name = "{0} {1}={2}: {3}")
  @CsvSource({
    "label, app.kubernetes.io/managed-by, flagger, Flagger",
    "label, app.kubernetes.io/managed-by, Flagger, Flagger",
    "annotation, flagger.app/primary, x, Flagger",
    "label, flagger.app, podinfo, Flagger",
    "label, app.kubernetes.io/managed-by, argo-rollouts, Argo Rollouts",
    "annotation, rollouts.argoproj.io/managed-by, x, Argo Rollouts",
    "label, argo-rollouts.argoproj.io/managed, x, Argo Rollouts"
  })
  @DisplayName("Flagger and Argo Rollouts are recognised by label or annotation")
  void controllers(String where, String key, String value, String controller) {
    ObjectMetaBuilder metadata = new ObjectMetaBuilder().withName("r");
    if (where.equals("label")) {
      metadata.addToLabels(key, value);
    } else {
      metadata.addToAnnotations(key, value);
    }

    assertThat(ControllerOwnership.of(metadata.build()))
        .hasValueSatisfying(
            owner -> {
              assertThat(owner.controller()).isEqualTo(controller);
              assertThat(owner.evidence()).singleElement().asString().contains(key);
              assertThat(owner.instead()).isNotBlank();
            });
  }

  @Test
  @DisplayName("an owner reference owns the route, named by kind and name")
  void ownerReference() {
    ObjectMeta metadata =
        new ObjectMetaBuilder()
            .addNewOwnerReference()
            .withKind("Canary")
            .withName("podinfo")
            .withController(true)
            .endOwnerReference()
            .build();

    assertThat(ControllerOwnership.of(metadata))
        .hasValueSatisfying(
            owner -> {
              assertThat(owner.controller()).isEqualTo("Canary/podinfo");
              assertThat(owner.evidence())
                  .containsExactly("ownerReference Canary/podinfo (controller)");
            });
  }

  @Test
  @DisplayName("Helm's managed-by is a warning, not an owner; plain routes are neither")
  void others() {
    ObjectMeta helm =
        new ObjectMetaBuilder().addToLabels("app.kubernetes.io/managed-by", "Helm").build();

    assertThat(ControllerOwnership.of(helm)).isEmpty();
    assertThat(ControllerOwnership.warnings(helm)).singleElement().asString().contains("Helm");
    assertThat(ControllerOwnership.of(new ObjectMeta())).isEmpty();
    assertThat(ControllerOwnership.warnings(new ObjectMeta())).isEmpty();
  }
}
