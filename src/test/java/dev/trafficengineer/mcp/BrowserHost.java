package dev.trafficengineer.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trafficengineer.core.TestFiles;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The browser side of the view tests: Debian's headless chromium, and a loopback page server that
 * hands the test host page the view (as the MCP server serves it), one real tools/call result, and
 * proxies the view's own tool calls to the server through the MCP client.
 */
final class BrowserHost implements AutoCloseable {
  static final Path OUT = TestFiles.project("target/view-test");
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final HttpServer server;

  BrowserHost(ViewClient client, String viewHtml, String arguments, CallToolResult result)
      throws IOException {
    String testCase =
        "{\"arguments\":" + arguments + ",\"result\":" + ViewClient.json(result) + "}";
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
              case "/host.html" ->
                  send(exchange, "text/html", Files.readString(OUT.resolve("host.html")));
              case "/host.js" ->
                  send(exchange, "text/javascript", Files.readString(OUT.resolve("host.js")));
              case "/view.html" -> send(exchange, "text/html", viewHtml);
              case "/case.json" -> send(exchange, "application/json", testCase);
              case "/call" -> {
                JsonNode call = ViewClient.JSON.readTree(exchange.getRequestBody().readAllBytes());
                CallToolResult answer =
                    client.call(call.path("name").asString(), call.path("arguments").toString());
                send(exchange, "application/json", ViewClient.json(answer));
              }
              default -> exchange.sendResponseHeaders(404, -1);
            }
          }
        });
    server.start();
  }

  /** chromium on the PATH, or empty when no browser is installed. */
  static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(directory, name))) {
          return Optional.of(Path.of(directory, name).toString());
        }
      }
    }
    return Optional.empty();
  }

  /** Bundles the test host page with the view's own esbuild and ext-apps (node_modules). */
  static void buildHostPage() throws IOException, InterruptedException {
    Files.createDirectories(OUT);
    Path view = TestFiles.project("src/main/view");
    String script =
        "const esbuild = await import(process.argv[1]);"
            + " await esbuild.build({entryPoints: [process.argv[2]], outfile: process.argv[3],"
            + " nodePaths: [process.argv[4]], bundle: true, format: 'iife', logLevel: 'warning'});";
    Process build =
        new ProcessBuilder(
                "node",
                "--input-type=module",
                "-e",
                script,
                view.resolve("node_modules/esbuild/lib/main.js").toUri().toString(),
                TestFiles.project("src/test/view/host.js").toString(),
                OUT.resolve("host.js").toString(),
                view.resolve("node_modules").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (build.waitFor() != 0) {
      throw new IllegalStateException("host page bundle failed: " + output);
    }
    Files.copy(
        TestFiles.project("src/test/view/host.html"),
        OUT.resolve("host.html"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** What the view showed, as the host page reported it after --dump-dom. */
  JsonNode render(String query) throws IOException, InterruptedException {
    String dom = chromium(List.of("--dump-dom"), query, "dom");
    int start = dom.indexOf("<pre id=\"dom\" hidden=\"\">");
    int end = dom.indexOf("</pre>", start);
    if (start < 0 || end < 0) {
      throw new IllegalStateException("the host page reported nothing:\n" + dom);
    }
    String json =
        dom.substring(start + "<pre id=\"dom\" hidden=\"\">".length(), end)
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
    return ViewClient.JSON.readTree(json);
  }

  /** A screenshot of the page, kept under target/view-test as a test artefact. */
  Path screenshot(String name) throws IOException, InterruptedException {
    Path png = OUT.resolve(name + ".png");
    Files.deleteIfExists(png);
    chromium(List.of("--screenshot=" + png, "--window-size=1060,1500"), "", name);
    return png;
  }

  private String chromium(List<String> mode, String query, String profile)
      throws IOException, InterruptedException {
    Path userData = Files.createTempDirectory("chromium-" + profile);
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium().orElseThrow(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + userData,
                "--virtual-time-budget=30000"));
    command.addAll(mode);
    command.add("http://127.0.0.1:" + server.getAddress().getPort() + "/host.html" + query);
    Process browser =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!browser.waitFor(120, TimeUnit.SECONDS)) {
      browser.destroyForcibly();
      throw new IllegalStateException("chromium did not finish in 120 s");
    }
    return out;
  }

  private static void send(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
