package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdio protocol input on any bytes, as a client could send them: every line it passes on is a
 * JSON-RPC message, every line it refuses is answered with a JSON-RPC error, and it reaches the end
 * of input (a line limit of 4 KiB here, so that the fuzzer reaches it).
 */
class ProtocolInputFuzzTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final byte[] RESULT =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8);

  @FuzzTest(maxDuration = "10m")
  void answersOrRefuses(byte[] data) throws IOException {
    InFlight inFlight = new InFlight();
    ByteArrayOutputStream refusals = new ByteArrayOutputStream();
    ProtocolOutput output = new ProtocolOutput(refusals, inFlight);
    // The server's answers, counted as the real output counts them.
    ProtocolOutput answers = new ProtocolOutput(OutputStream.nullOutputStream(), inFlight);
    ProtocolInput input = new ProtocolInput(new ByteArrayInputStream(data), output, inFlight, 4096);

    ByteArrayOutputStream passed = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int start = 0;
    for (int read = input.read(buffer); read != -1; read = input.read(buffer)) {
      passed.write(buffer, 0, read);
      byte[] sofar = passed.toByteArray();
      for (int i = start; i < sofar.length; i++) {
        if (sofar[i] == '\n') {
          JsonNode message =
              JSON.readTree(new String(sofar, start, i - start, StandardCharsets.UTF_8));
          assertThat(message.isObject()).isTrue();
          assertThat(message.path("jsonrpc").asString()).isEqualTo("2.0");
          if (message.has("method") && message.has("id")) {
            answers.write(RESULT);
            answers.flush();
          }
          start = i + 1;
        }
      }
    }
    assertThat(start).as("everything passed on ends in a newline").isEqualTo(passed.size());
    for (String refusal : refusals.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!refusal.isEmpty()) {
        assertThat(JSON.readTree(refusal).path("error").path("code").isInt()).isTrue();
      }
    }
  }
}
