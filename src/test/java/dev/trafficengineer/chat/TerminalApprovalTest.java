package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.confirm.Approval.Answer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a change approved at the terminal")
class TerminalApprovalTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private TerminalApproval typed(String typed) {
    return new TerminalApproval(
        new Terminal(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("asks y/N with the change in one line, on stderr; y approves")
  void approves() {
    Answer answer =
        typed("y\n")
            .ask("task-api/task-api-canary rule 1: task-api-canary 5 % → 25 %", "Warning: w");

    assertThat(answer).isEqualTo(Answer.APPROVED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "  Warning: w\n"
                + "  Apply task-api/task-api-canary rule 1: task-api-canary 5 % → 25 %? [y/N] ");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  @DisplayName("Enter, n or the end of input decline")
  void declines() {
    for (String typed : List.of("\n", "n\n", "")) {
      assertThat(typed(typed).ask("ns/r rule 0: a 1 % → 2 %", "")).isEqualTo(Answer.DECLINED);
    }
  }
}
