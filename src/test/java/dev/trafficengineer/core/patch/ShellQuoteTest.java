package dev.trafficengineer.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quoted words are pasted into real shells and must come out exactly as they went in. */
@DisplayName("ShellQuote")
class ShellQuoteTest {
  private static final String[] NASTY = {
    "it's",
    "'",
    "''",
    "\"double\"",
    "$(touch /tmp/te-pwned)",
    "`touch /tmp/te-pwned`",
    "${HOME}",
    "$HOME",
    "a;rm -rf /",
    "a && b || c",
    "a | b > c < d",
    "line one\nline two",
    "tab\there",
    "  leading and trailing  ",
    "*",
    "~",
    "~/x",
    "#comment",
    "!!",
    "a\\b",
    "{a,b}",
    "[x]",
    "(sub)",
    "-n",
    "é ü 日本",
    "[{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/0/name\",\"value\":\"it's\"}]"
  };

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bash", "sh"})
  @DisplayName("pasted into a shell, gives back exactly the original word")
  void roundTripsThroughTheShell(String shell) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/" + shell)), shell + " is not installed");
    for (String word : NASTY) {
      assertThat(echo(shell, ShellQuote.quote(word))).as(word).isEqualTo(word);
    }
    assertThat(Files.exists(Path.of("/tmp/te-pwned"))).isFalse();
  }

  @Test
  @DisplayName("leaves words of safe characters alone and quotes everything else")
  void quotesOnlyWhenNeeded() {
    assertThat(ShellQuote.quote("task-api-canary")).isEqualTo("task-api-canary");
    assertThat(ShellQuote.quote("task-api-canary-route.yaml"))
        .isEqualTo("task-api-canary-route.yaml");
    assertThat(ShellQuote.quote("")).isEqualTo("''");
    assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
  }

  /** Runs {@code printf %s <quoted>} in {@code shell} and returns what it printed. */
  private static String echo(String shell, String quoted) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of("/bin/" + shell, "-c", "printf %s " + quoted))
            .redirectErrorStream(true)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
