package dev.trafficengineer.cli;

import dev.trafficengineer.chat.ChatSettings;
import dev.trafficengineer.chat.TerminalChat;
import dev.trafficengineer.mcp.ToolSelection;
import java.time.Duration;
import picocli.CommandLine.ParameterException;

/** {@code chat}: the options as settings, the process environment for the API key. */
final class ChatLaunch {
  private ChatLaunch() {}

  static int run(ChatCommand command, Streams streams) {
    if (command.timeoutSeconds < 1) {
      throw new ParameterException(
          command.spec.commandLine(), "--timeout must be at least 1 second");
    }
    ChatSettings settings =
        new ChatSettings(
            command.provider,
            command.baseUrl,
            command.model,
            command.apiKeyEnv,
            command.readOnly,
            Duration.ofSeconds(command.timeoutSeconds));
    ToolSelection tools =
        command.cluster
            ? ClusterServing.chatTools(
                command.spec,
                streams,
                command.clusterOptions,
                command.namespaces,
                !command.readOnly,
                command.auditLog)
            : withoutClusterOptions(command);
    return TerminalChat.run(
        settings, tools, System.getenv(), streams.in(), streams.out(), streams.err());
  }

  private static ToolSelection withoutClusterOptions(ChatCommand command) {
    for (String option : ClusterServing.CLUSTER_ONLY) {
      if (command.spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(command.spec.commandLine(), option + " needs --cluster");
      }
    }
    return ToolSelection.offline();
  }
}
