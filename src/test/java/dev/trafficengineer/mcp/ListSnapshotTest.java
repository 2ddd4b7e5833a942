package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code prompts/list} and {@code resources/list} are contracts with every client, as {@code
 * tools/list} is ({@link ToolsListSnapshotTest}); each has a snapshot file of its own. Entries are
 * sorted by their key, because the SDK keeps prompts and resources in hash maps. {@code
 * -Dsnapshot.update=true} rewrites the files.
 */
@DisplayName("prompts/list and resources/list snapshots")
class ListSnapshotTest {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @ParameterizedTest(name = "{0} matches src/test/resources/mcp/{1}")
  @CsvSource({
    "prompts/list, prompts, name, prompts-list.json",
    "resources/list, resources, uri, resources-list.json"
  })
  void matchesSnapshot(String method, String field, String key, String file) throws Exception {
    Path snapshot = Path.of("src/test/resources/mcp", file);
    JsonNode result;
    try (JsonRpcSession session = new JsonRpcSession()) {
      session.initialize();
      result = session.request(1, method, "{}").get("result");
      session.closeAndWait();
    }
    ArrayNode entries = (ArrayNode) result.get(field);
    ObjectNode sorted = JSON.createObjectNode();
    sorted.set(
        field,
        JSON.createArrayNode()
            .addAll(
                StreamSupport.stream(entries.spliterator(), false)
                    .sorted(Comparator.comparing(entry -> entry.get(key).asString()))
                    .toList()));

    if (Boolean.getBoolean("snapshot.update")) {
      Files.writeString(snapshot, JSON.writeValueAsString(sorted) + "\n");
    }
    assertThat(snapshot).as("snapshot; create it with -Dsnapshot.update=true").exists();
    assertThat((JsonNode) sorted)
        .as("%s differs from %s; if intended, run with -Dsnapshot.update=true", method, snapshot)
        .isEqualTo(JSON.readTree(Files.readString(snapshot)));
  }
}
