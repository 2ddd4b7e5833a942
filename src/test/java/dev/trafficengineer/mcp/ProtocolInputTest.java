package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ProtocolInput")
class ProtocolInputTest {
  private final ByteArrayOutputStream answers = new ByteArrayOutputStream();

  private String pass(String stdin) throws IOException {
    ProtocolInput input =
        new ProtocolInput(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), answers);
    return new String(input.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("passes JSON-RPC requests, notifications and responses through unchanged")
  void passesMessages() throws IOException {
    String messages =
        """
        {"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}
        {"jsonrpc":"2.0","method":"notifications/initialized"}
        {"jsonrpc":"2.0","id":"a","result":{}}
        """;

    assertThat(pass(messages)).isEqualTo(messages);
    assertThat(answers.size()).isZero();
  }

  @Test
  @DisplayName("answers a line that is not JSON with a parse error and drops it")
  void refusesNonJson() throws IOException {
    assertThat(pass("hello\n{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":2}\n"))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":2}\n");
    assertThat(answers.toString(StandardCharsets.UTF_8))
        .contains("\"id\":null", "-32700")
        .endsWith("\n");
  }

  @Test
  @DisplayName(
      "answers JSON that is not a JSON-RPC message with an invalid request, keeping its id")
  void refusesOtherJson() throws IOException {
    assertThat(pass("{\"id\":7,\"method\":\"x\"}\n[1]\n\n")).isEmpty();
    assertThat(answers.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .allSatisfy(answer -> assertThat(answer).contains("-32600"))
        .first()
        .asString()
        .contains("\"id\":7");
  }

  @Test
  @DisplayName("reports the end of input")
  void reportsEnd() throws Exception {
    ProtocolInput input = new ProtocolInput(new ByteArrayInputStream(new byte[0]), answers);

    assertThat(input.read()).isEqualTo(-1);
    Thread waiter = new Thread(() -> awaitEnd(input));
    waiter.start();
    waiter.join(TimeUnit.SECONDS.toMillis(5));
    assertThat(waiter.isAlive()).isFalse();
  }

  private static void awaitEnd(ProtocolInput input) {
    try {
      input.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
