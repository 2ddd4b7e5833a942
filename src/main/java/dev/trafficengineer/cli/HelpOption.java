package dev.trafficengineer.cli;

import picocli.CommandLine.Option;

/** {@code --help} for a subcommand; {@code --version} belongs to the top command only. */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;
}
