package dev.trafficengineer.chat;

import dev.trafficengineer.chat.ChatSettings.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings made complete: the URL to call and the key to send, or the list of what the person
 * still has to set. A key is needed only for the provider's hosted API; a local OpenAI-compatible
 * server (Ollama, vLLM, LM Studio) usually wants none.
 */
record ModelConnection(Provider provider, String baseUrl, String model, String apiKey) {

  /**
   * Either a connection or, when something is missing, what it needs (for the first line of the
   * refusal) and the lines that say what to set.
   */
  record Resolution(ModelConnection connection, String needs, List<String> missing) {}

  static Resolution resolve(ChatSettings settings, Map<String, String> env) {
    Provider provider = settings.provider();
    String keyVariable = settings.apiKeyEnv() == null ? provider.keyVariable : settings.apiKeyEnv();
    String key = blankToNull(env.get(keyVariable));
    boolean hosted = settings.baseUrl() == null;
    List<String> missing = new ArrayList<>();
    if (blankToNull(settings.model()) == null) {
      missing.add(
          "--model NAME        the model to talk to, e.g. qwen2.5 (Ollama), gpt-4.1,"
              + " claude-sonnet-4-5");
    }
    if (hosted && key == null) {
      if (provider == Provider.openai) {
        missing.add(
            "--base-url URL      an OpenAI-compatible server, e.g. http://localhost:11434/v1"
                + " (Ollama)");
        missing.add("  or " + keyVariable + " (environment) an API key for " + provider.hostedUrl);
      } else {
        missing.add(keyVariable + " (environment) an API key for " + provider.hostedUrl);
      }
    }
    if (!missing.isEmpty()) {
      boolean noModel = blankToNull(settings.model()) == null;
      String access =
          hosted && key == null
              ? (provider == Provider.openai ? "an API key or --base-url" : "an API key")
              : null;
      String needs =
          noModel && access != null ? "a model, and " + access : noModel ? "a model" : access;
      return new Resolution(null, needs, missing);
    }
    String url = hosted ? provider.hostedUrl : settings.baseUrl();
    return new Resolution(
        new ModelConnection(provider, url, settings.model(), key), null, List.of());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
