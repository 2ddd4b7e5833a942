package dev.trafficengineer.chat;

import java.time.Duration;

/**
 * How {@code traffic-engineer chat} reaches its model, as given on the command line. Absent values
 * are {@code null}; {@link ModelConnection#resolve} fills in the defaults and names what is
 * missing.
 *
 * @param apiKeyEnv the environment variable holding the API key, {@code null} for the provider's
 *     usual one; the key itself never appears on a command line, where {@code ps} would show it
 * @param readOnly offer only the tools that change nothing
 */
public record ChatSettings(
    Provider provider,
    String baseUrl,
    String model,
    String apiKeyEnv,
    boolean readOnly,
    Duration timeout) {

  /** The protocol the model speaks. */
  public enum Provider {
    /** The OpenAI chat-completions API: OpenAI itself, Ollama, vLLM, LM Studio and more. */
    openai("OPENAI_API_KEY", "https://api.openai.com/v1"),
    /** Anthropic's Messages API. */
    anthropic("ANTHROPIC_API_KEY", "https://api.anthropic.com/v1");

    final String keyVariable;
    final String hostedUrl;

    Provider(String keyVariable, String hostedUrl) {
      this.keyVariable = keyVariable;
      this.hostedUrl = hostedUrl;
    }
  }
}
