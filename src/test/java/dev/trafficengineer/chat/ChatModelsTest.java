package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.trafficengineer.chat.ChatSettings.Provider;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Both providers build with the libraries the jar ships (token counters and NLP left out). */
@DisplayName("ChatModels")
class ChatModelsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  @DisplayName("an OpenAI-compatible server without a key")
  void openAi() {
    assertThat(
            ChatModels.create(
                new ModelConnection(Provider.openai, "http://127.0.0.1:9/v1", "qwen2.5", null),
                TIMEOUT))
        .isInstanceOf(OpenAiChatModel.class);
  }

  @Test
  @DisplayName("Anthropic with a key")
  void anthropic() {
    assertThat(
            ChatModels.create(
                new ModelConnection(
                    Provider.anthropic,
                    Provider.anthropic.hostedUrl,
                    "claude-sonnet-4-5",
                    "sk-ant-test"),
                TIMEOUT))
        .isInstanceOf(AnthropicChatModel.class);
  }
}
