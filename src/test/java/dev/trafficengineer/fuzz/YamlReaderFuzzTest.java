package dev.trafficengineer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;

/**
 * The YAML reader on any bytes: documents with line numbers, or a refusal that says why; never an
 * exception of another kind, a stack overflow or a run out of memory.
 */
class YamlReaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void readsOrRefuses(byte[] data) {
    String text = FuzzText.text(data);
    FuzzText.refusalsOnly(
        () -> {
          List<YamlDocument> documents = YamlReader.read(text);
          assertThat(documents).isNotEmpty();
          long lines = text.lines().count();
          for (YamlDocument document : documents) {
            assertThat(document.tree()).isNotNull();
            assertThat(document.lines().values()).allMatch(line -> line >= 1 && line <= lines + 1);
          }
        });
  }
}
