package dev.trafficengineer.mcp;

import dev.trafficengineer.core.Json;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * The rollout view, an MCP App (extension {@code io.modelcontextprotocol/ui}): one self-contained
 * HTML file, bundled by the build from {@code src/main/view}, served as a {@code ui://} resource
 * that the tools below link with {@code _meta.ui.resourceUri}. The HTML is read on the first {@code
 * resources/read}, never at start, so a server that never shows it never loads it.
 */
public final class RolloutView {
  static final String URI = "ui://traffic-engineer/rollout-view.html";
  static final String MIME_TYPE = "text/html;profile=mcp-app";
  static final String EXTENSION = "io.modelcontextprotocol/ui";
  static final String BUNDLE = "/view/rollout-view.html";

  /** The tools whose results the view shows. */
  static final Set<String> LINKED =
      Set.of(
          "plan_rollout", "simulate_traffic", "validate_route", "analyze_canary", "rollback_patch");

  /** The tools only the view calls. */
  static final Set<String> APP_ONLY = Set.of("draw_route");

  /**
   * Nothing outside the view itself: no script, style, font, image or connection from elsewhere
   * (empty domain lists make the host's CSP allow none).
   */
  private static final Map<String, Object> RESOURCE_META =
      Map.of(
          "ui",
          Map.of(
              "csp",
              Map.of("connectDomains", List.of(), "resourceDomains", List.of()),
              "prefersBorder",
              true));

  private static final int SHORT_LINES = 24;
  private static final int SHORT_CHARS = 2000;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private static volatile String html;

  private RolloutView() {}

  /** {@code _meta} of a tool: the link to the view, and for the view's own tools visibility. */
  static Map<String, Object> toolMeta(String tool) {
    if (APP_ONLY.contains(tool)) {
      return ordered("ui", ordered("resourceUri", URI, "visibility", List.of("app")));
    }
    return LINKED.contains(tool) ? ordered("ui", ordered("resourceUri", URI)) : null;
  }

  /** A map that keeps the order given (Map.of does not), so that listings are stable. */
  private static Map<String, Object> ordered(Object... entries) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      map.put((String) entries[i], entries[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Whether the client said it can show MCP Apps; the others get the plain text results. */
  static boolean shownBy(ClientCapabilities capabilities) {
    return capabilities != null
        && capabilities.extensions() != null
        && capabilities.extensions().containsKey(EXTENSION);
  }

  /** The text for a client that also shows the view: the first lines, and where the rest is. */
  static String shortText(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length <= SHORT_LINES && text.length() <= SHORT_CHARS) {
      return text;
    }
    StringBuilder kept = new StringBuilder();
    int count = 0;
    while (count < Math.min(lines.length, SHORT_LINES)
        && kept.length() + lines[count].length() < SHORT_CHARS) {
      kept.append(lines[count++]).append('\n');
    }
    return kept
        + "... "
        + (lines.length - count)
        + " more lines: the rollout view shows the whole result, and structuredContent holds it.\n";
  }

  static Resource resource() {
    return Resource.builder()
        .uri(URI)
        .name("rollout-view")
        .title("Rollout view")
        .description(
            "Interactive view of a route: requests, rules in precedence order, backends with"
                + " exact shares, plan stages with their guarded commands, findings, verdict.")
        .mimeType(MIME_TYPE)
        .build();
  }

  static ReadResourceResult read() {
    return new ReadResourceResult(
        List.of(new TextResourceContents(URI, MIME_TYPE, html(), RESOURCE_META)));
  }

  /**
   * Draws for the page at {@code /ui} (HTTP mode): {@code arguments} are draw_route's, as JSON;
   * bound, checked and refused exactly as the tool call is.
   */
  public static Operation.Outcome draw(String arguments) {
    Map<String, Object> parsed;
    try {
      parsed = Json.MAPPER.readValue(arguments, OBJECT);
    } catch (JacksonException e) {
      return new Operation.Outcome(
          "arguments: not a JSON object (" + e.getOriginalMessage() + ")", null, true);
    }
    return Operation.run(new DrawRouteTool(), List.of("yaml"), parsed);
  }

  /** The bundled HTML, read once. */
  public static String html() {
    String read = html;
    if (read == null) {
      try (InputStream in = RolloutView.class.getResourceAsStream(BUNDLE)) {
        if (in == null) {
          throw new IllegalStateException(
              BUNDLE + " is not on the class path: build the view (mvn package runs npm)");
        }
        read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      html = read;
    }
    return read;
  }
}
