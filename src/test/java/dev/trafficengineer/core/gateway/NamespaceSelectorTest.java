package dev.trafficengineer.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NamespaceSelectorTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("matchLabels and matchExpressions are ANDed over the namespace's labels")
  void selects() {
    JsonNode selector =
        JSON.readTree(
            """
            {"matchLabels": {"team": "store"},
             "matchExpressions": [{"key": "env", "operator": "NotIn", "values": ["dev"]}]}
            """);

    assertThat(select(selector, Map.of("team", "store", "env", "prod")))
        .isEqualTo(NamespaceSelector.Outcome.SELECTED);
    assertThat(select(selector, Map.of("team", "store", "env", "dev")))
        .isEqualTo(NamespaceSelector.Outcome.NOT_SELECTED);
    assertThat(select(selector, Map.of("team", "search")))
        .isEqualTo(NamespaceSelector.Outcome.NOT_SELECTED);
  }

  @Test
  @DisplayName("without the Namespace only the name label is known: anything else is undecided")
  void withoutTheNamespace() {
    JsonNode byName =
        JSON.readTree("{\"matchLabels\": {\"kubernetes.io/metadata.name\": \"store\"}}");
    JsonNode byTeam =
        JSON.readTree("{\"matchExpressions\": [{\"key\": \"team\", \"operator\": \"Exists\"}]}");
    NamespaceSelector.Labels unknown = new NamespaceSelector.Labels("store", null);

    assertThat(NamespaceSelector.select(byName, unknown))
        .isEqualTo(NamespaceSelector.Outcome.SELECTED);
    assertThat(NamespaceSelector.select(byTeam, unknown))
        .isEqualTo(NamespaceSelector.Outcome.UNKNOWN);
  }

  private static NamespaceSelector.Outcome select(JsonNode selector, Map<String, String> labels) {
    return NamespaceSelector.select(selector, new NamespaceSelector.Labels("store", labels));
  }
}
