package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tools/list} answer is a contract with every client: any change to a name, schema,
 * description or annotation shows up here as a diff. {@code -Dsnapshot.update=true} rewrites it.
 */
@DisplayName("tools/list snapshot")
class ToolsListSnapshotTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/mcp/tools-list.json");
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Test
  @DisplayName("matches src/test/resources/mcp/tools-list.json")
  void matchesSnapshot() throws Exception {
    JsonNode tools;
    try (JsonRpcSession session = new JsonRpcSession()) {
      session.initialize();
      tools = session.request(1, "tools/list", "{}").get("result");
      session.closeAndWait();
    }

    if (Boolean.getBoolean("snapshot.update")) {
      Files.createDirectories(SNAPSHOT.getParent());
      Files.writeString(SNAPSHOT, JSON.writeValueAsString(tools) + "\n");
    }
    assertThat(SNAPSHOT).as("snapshot; create it with -Dsnapshot.update=true").exists();
    assertThat(tools)
        .as(
            "tools/list differs from %s; if the change is intended, run with -Dsnapshot.update=true",
            SNAPSHOT)
        .isEqualTo(JSON.readTree(Files.readString(SNAPSHOT)));
  }
}
