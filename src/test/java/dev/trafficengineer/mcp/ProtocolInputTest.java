package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ProtocolInput and ProtocolOutput")
class ProtocolInputTest {
  private final InFlight inFlight = new InFlight();
  private final ProtocolOutput answers = new ProtocolOutput(new ByteArrayOutputStream(), inFlight);
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final ProtocolOutput output = new ProtocolOutput(written, inFlight);

  private ProtocolInput input(String stdin) {
    return new ProtocolInput(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), output, inFlight);
  }

  /** Writes an answer as the SDK's transport does: the line, then a flush. */
  private void answer(String line) throws IOException {
    answers.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    answers.flush();
  }

  @Test
  @DisplayName("passes JSON-RPC requests, notifications and responses through unchanged")
  void passesMessages() throws IOException {
    String messages =
        """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}
        {"jsonrpc":"2.0","method":"notifications/initialized"}
        {"jsonrpc":"2.0","id":"a","result":{}}
        """;
    answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");

    assertThat(new String(input(messages).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(messages);
    assertThat(written.size()).isZero();
  }

  @Test
  @DisplayName("answers a line that is not JSON with a parse error and drops it")
  void refusesNonJson() throws IOException {
    String ping = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/ping\"}\n";

    assertThat(new String(input("hello\n" + ping).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(ping);
    assertThat(written.toString(StandardCharsets.UTF_8))
        .contains("\"id\":null", "-32700")
        .endsWith("\n");
  }

  @Test
  @DisplayName(
      "answers JSON that is not a JSON-RPC message with an invalid request, keeping its id")
  void refusesOtherJson() throws IOException {
    assertThat(input("{\"id\":7,\"method\":\"x\"}\n[1]\n\n").readAllBytes()).isEmpty();
    assertThat(written.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .allSatisfy(answer -> assertThat(answer).contains("-32600"))
        .first()
        .asString()
        .contains("\"id\":7");
  }

  @Test
  @DisplayName("ends only when every request has been answered, then reports the end")
  void endsAfterTheLastAnswer() throws Exception {
    ProtocolInput input = input("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}\n");
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return input.readAllBytes();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    Thread.sleep(300);
    assertThat(read).as("still waiting for the answer").isNotDone();
    answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}");

    assertThat(read.get(5, TimeUnit.SECONDS)).isNotEmpty();
    assertThat(input.awaitEnd()).isTrue();
  }

  @Test
  @DisplayName("reports a reader that is gone before the end of input, instead of waiting forever")
  void reportsAReaderThatStopped() throws Exception {
    PipedOutputStream client = new PipedOutputStream();
    ProtocolInput input = new ProtocolInput(new PipedInputStream(client), output, inFlight);
    client.write(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
            .getBytes(StandardCharsets.UTF_8));
    client.flush();
    // As the SDK's reader does after an error of its own: one line read, then the thread ends
    // with the input still open.
    Thread reader =
        new Thread(
            () -> {
              try {
                input.read(new byte[64], 0, 64);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    reader.start();
    reader.join(5_000);

    CompletableFuture<Boolean> ended =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return input.awaitEnd();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(ended.get(10, TimeUnit.SECONDS)).isFalse();
    client.close();
  }

  @Test
  @DisplayName("counts an answer only once it is flushed, so the process cannot end before it")
  void countsFlushedAnswers() throws Exception {
    inFlight.asked();
    answers.write(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
    CompletableFuture<Void> waited =
        CompletableFuture.runAsync(
            () -> {
              try {
                inFlight.awaitAnswers(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    Thread.sleep(200);
    assertThat(waited).as("written but not flushed").isNotDone();
    answers.flush();
    waited.get(2, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("counts only lines with an id as answers")
  void countsAnswers() throws Exception {
    answer("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}");
    answer("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700}}");
    inFlight.asked();
    CompletableFuture<Void> waited =
        CompletableFuture.runAsync(
            () -> {
              try {
                inFlight.awaitAnswers(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    Thread.sleep(300);
    assertThat(waited).isNotDone();
    answer("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}");
    waited.get(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("refuses a line over the limit with its id and both sizes, then reads on")
  void refusesLongLines() throws IOException {
    String next = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";
    String tooLong = "{\"jsonrpc\":\"2.0\",\"id\":42,\"params\":\"" + "x".repeat(200) + "\"}\n";
    ProtocolInput input =
        new ProtocolInput(
            new ByteArrayInputStream((tooLong + next).getBytes(StandardCharsets.UTF_8)),
            output,
            inFlight,
            100);

    assertThat(new String(input.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(next);
    assertThat(written.toString(StandardCharsets.UTF_8))
        .contains("\"id\":42", "-32600", "the line is 237 bytes; the limit is 100 bytes");
  }

  @Test
  @DisplayName("answers a request before initialize with an error naming it; ping is let through")
  void refusesRequestsBeforeInitialize() throws IOException {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n";
    answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");

    assertThat(
            new String(
                input("{\"jsonrpc\":\"2.0\",\"id\":\"t\",\"method\":\"tools/call\"}\n" + ping)
                    .readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo(ping);
    assertThat(written.toString(StandardCharsets.UTF_8))
        .contains("\"id\":\"t\"", "-32002", "Server not initialized", "before tools/call");
  }
}
