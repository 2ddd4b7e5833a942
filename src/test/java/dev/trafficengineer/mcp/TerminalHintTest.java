package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalHintTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

  @Test
  @DisplayName("in a terminal, one line says serve waits for an MCP client and how to try it")
  void oneLineInATerminal() {
    TerminalHint.print(true, stream);

    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(1);
    assertThat(text)
        .contains("waiting for an MCP client")
        .contains("npx -y @modelcontextprotocol/inspector --cli traffic-engineer serve");
  }

  @Test
  @DisplayName("started by a client (pipes), it prints nothing")
  void silentForClients() {
    TerminalHint.print(false, stream);

    assertThat(err.size()).isZero();
  }
}
