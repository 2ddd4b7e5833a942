package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void indexesBecomeBrackets() {
    assertThat(FieldPath.of("/spec/rules/0/backendRefs/1/weight"))
        .isEqualTo("spec.rules[0].backendRefs[1].weight");
  }

  @Test
  void escapedTokensAreUnescaped() {
    assertThat(FieldPath.of("/metadata/labels/app.kubernetes.io~1name"))
        .isEqualTo("metadata.labels.app.kubernetes.io/name");
    assertThat(FieldPath.token("a/b~c")).isEqualTo("a~1b~0c");
  }
}
