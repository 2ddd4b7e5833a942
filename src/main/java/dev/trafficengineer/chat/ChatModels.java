package dev.trafficengineer.chat;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/** The langchain4j model for a connection. */
final class ChatModels {
  /**
   * Anthropic requires a cap on every answer; a rollout plan with its YAML and commands needs more
   * than the library's default.
   */
  private static final int MAX_ANSWER_TOKENS = 4096;

  /**
   * No retries: a failed call is reported at once and the person decides (start the server, fix the
   * key, ask again) instead of waiting through retries that log stack traces on the terminal.
   */
  private static final int RETRIES = 0;

  private ChatModels() {}

  static ChatModel create(ModelConnection connection, Duration timeout) {
    return switch (connection.provider()) {
      case openai ->
          OpenAiChatModel.builder()
              .baseUrl(connection.baseUrl())
              .apiKey(connection.apiKey())
              .modelName(connection.model())
              .timeout(timeout)
              .maxRetries(RETRIES)
              .build();
      case anthropic ->
          AnthropicChatModel.builder()
              .baseUrl(connection.baseUrl())
              .apiKey(connection.apiKey())
              .modelName(connection.model())
              .maxTokens(MAX_ANSWER_TOKENS)
              .timeout(timeout)
              .maxRetries(RETRIES)
              .build();
    };
  }
}
