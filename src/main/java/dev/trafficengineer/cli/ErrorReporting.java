package dev.trafficengineer.cli;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and exit code 2, so that a script sees a short reason
 * and never half an output. Stack traces only with {@code TE_DEBUG=1}: a refused input is not a
 * crash, and a crash is still reported in one line.
 */
final class ErrorReporting implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static final int EXIT_USAGE = 2;

  /** The fields of the core requests that carry the text a command read with {@code -f FILE}. */
  private static final Set<String> TEXT_FIELDS = Set.of("yaml", "routeYaml");

  private final Streams streams;
  private final boolean debug;

  ErrorReporting(Streams streams, boolean debug) {
    this.streams = streams;
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String message = e.getMessage();
    // A mistyped flag also leaves a required one missing; the typo is the cause worth naming.
    List<String> unmatched =
        e instanceof UnmatchedArgumentException missing
            ? missing.getUnmatched()
            : command.getUnmatchedArguments();
    if (!unmatched.isEmpty()) {
      message = unmatched(unmatched.get(0), command);
    }
    String help = command.getCommandSpec().qualifiedName() + " --help";
    report(oneLine(message).replaceFirst("^Error: ", "") + "; try '" + help + "'");
    return EXIT_USAGE;
  }

  /**
   * Names what was not understood and, when it is close to a real option or command, that one:
   * {@code -namespace} with one dash is an unknown option here (not {@code -n amespace}), and the
   * long option meant is {@code --namespace}.
   */
  private static String unmatched(String word, CommandLine command) {
    if (word.startsWith("-")) {
      String name = word.split("=", 2)[0];
      Set<String> options = command.getCommandSpec().optionsMap().keySet();
      return "Unknown option: '" + name + "'" + meant(optionMeant(name, options));
    }
    Set<String> commands = command.getSubcommands().keySet();
    if (commands.isEmpty()) {
      return "Unmatched argument: '" + word + "'";
    }
    return "Unknown command: '" + word + "'" + meant(NearestWord.of(word, commands));
  }

  private static Optional<String> optionMeant(String name, Set<String> options) {
    if (name.matches("-[a-z][a-z-]+") && options.contains("-" + name)) {
      return Optional.of("-" + name);
    }
    String shortName = name.length() > 2 && !name.startsWith("--") ? name.substring(0, 2) : "";
    if (options.contains(shortName)) {
      // Short options do not take a value glued to them (see commandLine): -nfoo is -n foo.
      return Optional.of(shortName + " " + name.substring(2));
    }
    return NearestWord.of(name, options);
  }

  private static String meant(Optional<String> suggestion) {
    return suggestion.map(" (did you mean '%s'?)"::formatted).orElse("");
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    if (e instanceof InvalidInputException invalid) {
      report(oneLine(inFlagTerms(invalid, command.getCommandSpec())));
      return EXIT_USAGE;
    }
    report("internal: " + oneLine(e.toString()));
    if (debug) {
      PrintWriter err = streams.errWriter();
      e.printStackTrace(err);
      err.flush();
    }
    return EXIT_USAGE;
  }

  /**
   * Core names fields as the MCP tools do ({@code canaryWeight}); a person at a shell typed {@code
   * --canary-weight}, so the message names the flag when there is one.
   */
  static String inFlagTerms(InvalidInputException e, CommandSpec spec) {
    String field = e.field();
    OptionSpec fileOption = spec.findOption("-f");
    if (TEXT_FIELDS.contains(field) && fileOption != null && fileOption.getValue() != null) {
      return InputFile.refusal(fileOption.getValue(), e);
    }
    int index = field.indexOf('[');
    String base = index < 0 ? field : field.substring(0, index);
    OptionSpec option = optionFor(base, spec);
    String message = e.getMessage();
    if (option == null || !message.startsWith(base)) {
      return message;
    }
    return option.longestName() + message.substring(base.length());
  }

  private static OptionSpec optionFor(String field, CommandSpec spec) {
    if (!field.matches("[a-z][A-Za-z]*")) {
      return null;
    }
    String kebab = "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    OptionSpec option = spec.findOption(kebab);
    // List fields are plural (hostnames) while their repeatable flag is singular (--hostname).
    if (option == null && kebab.endsWith("s")) {
      option = spec.findOption(kebab.substring(0, kebab.length() - 1));
    }
    return option;
  }

  private void report(String message) {
    streams.printError("error: " + message + "\n");
  }

  private static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
