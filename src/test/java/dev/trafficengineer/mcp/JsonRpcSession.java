package dev.trafficengineer.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server process driven line by line, without any MCP client library: what a test writes is
 * exactly what reaches stdin, and every line of stdout and stderr is kept for inspection.
 */
final class JsonRpcSession implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> stderr;
  private final Thread reader;

  JsonRpcSession(String... jvmOptions) throws IOException {
    process = new ProcessBuilder(ServerProcess.command(jvmOptions)).start();
    stdin = process.getOutputStream();
    reader = new Thread(this::readStdout, "server-stdout");
    reader.setDaemon(true);
    reader.start();
    stderr =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "";
              }
            });
  }

  /**
   * Sends {@code initialize} and {@code notifications/initialized}; returns the initialize result.
   */
  JsonNode initialize() throws Exception {
    JsonNode result =
        request(
            0,
            "initialize",
            """
            {"protocolVersion": "2025-06-18", "capabilities": {},
             "clientInfo": {"name": "raw-test", "version": "1"}}""");
    send("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");
    return result;
  }

  /** Sends a request and returns its response (the whole message), skipping other messages. */
  JsonNode request(int id, String method, String params) throws Exception {
    send(
        "{\"jsonrpc\": \"2.0\", \"id\": "
            + id
            + ", \"method\": \""
            + method
            + "\", \"params\": "
            + params.replace('\n', ' ')
            + "}");
    while (true) {
      String line = unread.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no response to " + method + "; stdout so far: " + stdout);
      }
      JsonNode message = JSON.readTree(line);
      if (message.path("id").asInt(-1) == id) {
        return message;
      }
    }
  }

  void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** Closes stdin, as a client does when it is done, and waits for the server to exit. */
  int closeAndWait() throws Exception {
    stdin.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not exit after stdin closed");
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  /**
   * Waits up to {@code timeout} for a message with {@code id}, skipping others; null when none came
   * (the server may have exited instead).
   */
  JsonNode awaitMessage(int id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = unread.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && JSON.readTree(line).path("id").asInt(-1) == id) {
        return JSON.readTree(line);
      }
      if (line == null && !process.isAlive() && unread.isEmpty()) {
        return null;
      }
    }
    return null;
  }

  /** The server process, to signal it or see how it ended. */
  Process process() {
    return process;
  }

  List<String> stdoutLines() {
    return List.copyOf(stdout);
  }

  String stderr() throws Exception {
    return stderr.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void readStdout() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        stdout.add(line);
        unread.add(line);
      }
    } catch (IOException e) {
      // The process was killed: the lines read so far are all there is.
    }
  }
}
