package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.chat.ChatSettings.Provider;
import dev.trafficengineer.chat.ModelConnection.Resolution;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ModelConnection")
class ModelConnectionTest {
  @Test
  @DisplayName("a local OpenAI-compatible server needs a model and no key")
  void localServer() {
    Resolution resolution =
        ModelConnection.resolve(
            settings(Provider.openai, "http://localhost:11434/v1", "qwen2.5", null), Map.of());

    assertThat(resolution.connection())
        .isEqualTo(
            new ModelConnection(Provider.openai, "http://localhost:11434/v1", "qwen2.5", null));
  }

  @Test
  @DisplayName("the hosted API takes its key from the provider's variable, or the one named")
  void hostedApi() {
    assertThat(
            ModelConnection.resolve(
                    settings(Provider.openai, null, "gpt-4.1", null),
                    Map.of("OPENAI_API_KEY", "sk-1"))
                .connection())
        .isEqualTo(
            new ModelConnection(Provider.openai, "https://api.openai.com/v1", "gpt-4.1", "sk-1"));
    assertThat(
            ModelConnection.resolve(
                    settings(Provider.anthropic, null, "claude-sonnet-4-5", "TEAM_KEY"),
                    Map.of("TEAM_KEY", "sk-ant", "ANTHROPIC_API_KEY", "other"))
                .connection()
                .apiKey())
        .isEqualTo("sk-ant");
  }

  @Test
  @DisplayName("a blank key is no key, and the missing lines name the variable to set")
  void namesWhatIsMissing() {
    Resolution resolution =
        ModelConnection.resolve(
            settings(Provider.anthropic, null, " ", null), Map.of("ANTHROPIC_API_KEY", " "));

    assertThat(resolution.connection()).isNull();
    assertThat(resolution.missing())
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("--model NAME"))
        .anySatisfy(line -> assertThat(line).startsWith("ANTHROPIC_API_KEY"));
  }

  private static ChatSettings settings(
      Provider provider, String baseUrl, String model, String keyVariable) {
    return new ChatSettings(provider, baseUrl, model, keyVariable, true, Duration.ofSeconds(5));
  }
}
