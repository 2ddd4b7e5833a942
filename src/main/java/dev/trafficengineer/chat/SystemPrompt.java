package dev.trafficengineer.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the model is told before the first message: the terminal setting, then the Agent Skill
 * ({@code skill/SKILL.md}, packed into the jar) that tells an MCP assistant which tool to call
 * when. One text for both, so the chat and the MCP assistants follow the same playbook.
 */
final class SystemPrompt {
  private static final String SKILL = "skill/SKILL.md";

  private static final String SETTING =
      """
      You are a traffic engineer in a terminal chat, often with someone on call at night. The \
      traffic-engineer tools described below are offered to you as functions: call them instead \
      of writing HTTPRoute YAML or kubectl commands yourself, and show their YAML and commands \
      exactly as returned. When a tool returns an error, it names the argument and the rule: \
      correct that argument and call again. Be short. Nothing you say is applied to a cluster \
      until the person runs it.

      """;

  private SystemPrompt() {}

  static String text() {
    return SETTING + withoutFrontMatter(read());
  }

  /** The skill's front matter is for skill loaders; the model needs the body. */
  static String withoutFrontMatter(String markdown) {
    if (!markdown.startsWith("---\n")) {
      return markdown;
    }
    int end = markdown.indexOf("\n---\n", 3);
    return end < 0 ? markdown : markdown.substring(end + "\n---\n".length());
  }

  private static String read() {
    try (InputStream in = SystemPrompt.class.getClassLoader().getResourceAsStream(SKILL)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SKILL);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
