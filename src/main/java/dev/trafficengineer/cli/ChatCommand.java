package dev.trafficengineer.cli;

import dev.trafficengineer.chat.ChatSettings.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A terminal conversation with a language model that calls the same tools the MCP server offers.
 * The options only: the chat itself, and langchain4j, load when the command runs.
 */
@Command(
    name = "chat",
    description = {
      "Talk to a language model that calls the traffic-engineer tools: the model plans, the tools"
          + " compute and check, you confirm. Answers go to stdout; tool calls, their results and"
          + " prompts to stderr.",
      "Any OpenAI-compatible server (Ollama, vLLM, LM Studio, OpenAI) or Anthropic."
    },
    footer = {
      "",
      "Examples:",
      "  traffic-engineer chat --base-url http://localhost:11434/v1 --model qwen2.5",
      "  OPENAI_API_KEY=... traffic-engineer chat --model gpt-4.1",
      "  traffic-engineer chat --model qwen2.5 --cluster --namespace task-api --no-read-only",
      "  ANTHROPIC_API_KEY=... traffic-engineer chat --provider anthropic \\",
      "    --model claude-sonnet-4-5"
    })
final class ChatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Option(
      names = "--provider",
      defaultValue = "openai",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Provider provider;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The model server, e.g. http://localhost:11434/v1 for Ollama (default: the provider's"
              + " hosted API).")
  String baseUrl;

  @Option(names = "--model", paramLabel = "NAME", description = "The model, e.g. qwen2.5.")
  String model;

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      description =
          "Environment variable holding the API key (default OPENAI_API_KEY or"
              + " ANTHROPIC_API_KEY); not needed for a local server.")
  String apiKeyEnv;

  @Option(
      names = "--read-only",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Offer only the tools that change nothing (default). With --no-read-only, tools that"
              + " change things are offered too, and each call asks y/N first.")
  boolean readOnly;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "180",
      description = "How long to wait for one answer of the model (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--cluster",
      description =
          "Offer the cluster tools too, for the cluster of the kubeconfig context; with"
              + " --no-read-only the write tools as well, each change asking y/N with the change"
              + " in one line.")
  boolean cluster;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "With --cluster, limit the cluster tools to this namespace (repeatable).")
  List<String> namespaces = List.of();

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "With --cluster, append one JSON line per tool call to FILE (default with"
              + " --no-read-only: stderr).")
  Path auditLog;

  private final Streams streams;

  ChatCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    // A class of its own, so that building the command tree never loads a langchain4j class.
    return ChatLaunch.run(this, streams);
  }
}
