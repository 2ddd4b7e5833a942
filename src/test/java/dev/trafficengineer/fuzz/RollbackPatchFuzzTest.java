package dev.trafficengineer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import java.util.List;

/**
 * rollback_patch on any route. The input is the route's YAML; {@code #> target SERVICE NAME
 * NAMESPACE} (each optional, {@code -} for none) gives the other arguments. The answer is a guarded
 * patch with its command, a sentence saying why nothing needs to change, or a refusal.
 */
class RollbackPatchFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void patchesOrRefuses(byte[] data) {
    String text = FuzzText.text(data);
    List<String> directives = FuzzText.directives(text);
    String[] words = directives.isEmpty() ? new String[0] : directives.get(0).split(" ", -1);
    RollbackRequest request =
        new RollbackRequest(text, word(words, 2), word(words, 3), word(words, 1), word(words, 0));
    FuzzText.refusalsOnly(
        () -> {
          RollbackResult result = Rollback.compute(request);
          assertThat(result).isNotNull();
          if (result.patch().isEmpty()) {
            // A route already where the target puts it: no command, and a sentence saying so.
            assertThat(result.command()).isNull();
            assertThat(result.nothingToChange()).isNotBlank();
          } else {
            assertThat(result.command()).isNotBlank();
            assertThat(result.nothingToChange()).isNull();
          }
        });
  }

  private static String word(String[] words, int index) {
    return index < words.length && !"-".equals(words[index]) ? words[index] : null;
  }
}
