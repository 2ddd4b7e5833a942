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
 * patch whose command names the route, or a refusal.
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
          assertThat(result.command()).isNotBlank();
        });
  }

  private static String word(String[] words, int index) {
    return index < words.length && !"-".equals(words[index]) ? words[index] : null;
  }
}
