package dev.trafficengineer.cli;

import dev.trafficengineer.chat.ChatSettings;
import dev.trafficengineer.chat.TerminalChat;
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
    return TerminalChat.run(settings, System.getenv(), streams.in(), streams.out(), streams.err());
  }
}
