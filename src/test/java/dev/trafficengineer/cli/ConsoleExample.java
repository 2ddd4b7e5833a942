package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs the commands of one README {@code console} block in-process and checks that each prints what
 * the README shows under it.
 *
 * <ul>
 *   <li>{@code $ bin/traffic-engineer ARGS} runs {@link Main#run}. What it shows is its stdout, or
 *       its stderr when stdout is empty (a refusal): what a terminal shows, since no command writes
 *       both except the route generators, whose stderr the README shows in a block of its own.
 *   <li>File names in the arguments ({@code route.yaml}) are fixtures under {@code
 *       src/test/resources/readme/}: the file a {@code kubectl get httproute NAME ... > FILE} line
 *       of the same block saves is {@code NAME.yaml}; a marker {@code <!-- readme-test: files
 *       route.yaml=OTHER.yaml -->} before the block maps a name to another fixture; otherwise the
 *       fixture has the name itself (a marker wins over the kubectl line). {@code kubectl get
 *       httproute NAME ... | bin/traffic-engineer ... -f -} reads {@code NAME.yaml} on stdin. A
 *       marker may also map a folder ({@code main/=../compare/before-dir}).
 *   <li>{@code $ echo $?} shows the exit code of the command before it.
 *   <li>A command with no output under it must succeed; its output is not compared.
 * </ul>
 *
 * Normalisation, all of it: trailing blank lines are ignored; a line {@code ...} in the README
 * stands for any number of lines and {@code ...} inside a line for any text; {@code '[...same
 * patch...]'} must be the very patch printed first in the same output; the fixture's path in the
 * output is shown as the name the README uses.
 */
final class ConsoleExample {
  static final Path FIXTURES = Path.of("src/test/resources/readme");
  private static final String PROMPT = "$ ";
  private static final String LAUNCHER = "bin/traffic-engineer";
  private static final Pattern PATCH = Pattern.compile("-p ('\\[.*?\\]')");
  private static final String SAME_PATCH = "'[...same patch...]'";

  private final Map<String, Path> files = new HashMap<>();
  private CliRun last;

  private ConsoleExample(String marker) {
    if (marker != null && marker.startsWith("files ")) {
      for (String pair : marker.substring("files ".length()).trim().split("\\s+")) {
        String[] names = pair.split("=", 2);
        files.put(names[0], FIXTURES.resolve(names[1]));
      }
    }
  }

  /** Runs {@code block} and returns the run of its last traffic-engineer command. */
  static CliRun lastRun(ReadmeBlock block) {
    ConsoleExample example = new ConsoleExample(block.marker());
    int ran = 0;
    List<String> lines = block.text().lines().toList();
    for (int i = 0; i < lines.size(); ) {
      if (!lines.get(i).startsWith(PROMPT)) {
        fail("%s: output before any command: %s", block.name(), lines.get(i));
      }
      StringBuilder command = new StringBuilder(lines.get(i).substring(PROMPT.length()));
      while (command.toString().endsWith("\\")) {
        command.setLength(command.length() - 1);
        command.append(' ').append(lines.get(++i).strip());
      }
      List<String> shown = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith(PROMPT); i++) {
        shown.add(lines.get(i));
      }
      ran += example.command(block, command.toString(), shown) ? 1 : 0;
    }
    assertThat(ran).as(block.name() + ": runs no traffic-engineer command").isPositive();
    return example.last;
  }

  /** Returns whether traffic-engineer ran (a kubectl line only names a fixture). */
  private boolean command(ReadmeBlock block, String line, List<String> shown) {
    List<String> words = ShellWords.split(line);
    String where = block.name() + ": $ " + line;
    if (words.equals(List.of("echo", "$?"))) {
      assertThat(last).as(where + " follows no command").isNotNull();
      assertThat(String.join("\n", shown)).as(where).isEqualTo(String.valueOf(last.exitCode()));
      return false;
    }
    int pipe = words.indexOf("|");
    List<String> first = pipe < 0 ? words : words.subList(0, pipe);
    if (first.get(0).equals("kubectl")) {
      String route = savedRoute(where, first);
      int redirect = first.indexOf(">");
      if (pipe < 0) {
        assertThat(redirect).as(where + ": only a saved kubectl get can be replayed").isPositive();
        files.putIfAbsent(first.get(redirect + 1), FIXTURES.resolve(route + ".yaml"));
        assertThat(shown).as(where).isEmpty();
        return false;
      }
      byte[] stdin = read(FIXTURES.resolve(route + ".yaml"));
      return launch(where, words.subList(pipe + 1, words.size()), stdin, shown);
    }
    return launch(where, words, new byte[0], shown);
  }

  private static String savedRoute(String where, List<String> kubectl) {
    assertThat(kubectl.subList(0, 3))
        .as(where + ": the only kubectl replayed is get httproute")
        .containsExactly("kubectl", "get", "httproute");
    return kubectl.get(3);
  }

  private boolean launch(String where, List<String> words, byte[] stdin, List<String> shown) {
    assertThat(words).as(where + ": not a traffic-engineer command").isNotEmpty();
    assertThat(words.get(0)).as(where).isEqualTo(LAUNCHER);
    Map<String, String> shownNames = new HashMap<>();
    List<String> args = new ArrayList<>();
    for (String word : words.subList(1, words.size())) {
      if (files.containsKey(word) || word.matches("[\\w.-]+\\.(yaml|yml|json)")) {
        Path fixture = files.getOrDefault(word, FIXTURES.resolve(word));
        assertThat(fixture).as(where + ": fixture for " + word).exists();
        shownNames.put(fixture.toString(), word);
        args.add(fixture.toString());
      } else {
        args.add(word);
      }
    }
    last = CliRun.withInput(stdin, args.toArray(String[]::new));
    String printed = last.out().isEmpty() ? last.err() : last.out();
    for (Map.Entry<String, String> name : shownNames.entrySet()) {
      printed = printed.replace(name.getKey(), name.getValue());
    }
    if (trimmed(shown).isEmpty()) {
      assertThat(last.exitCode()).as(where + " (no output shown): exit code").isZero();
    } else {
      assertThat(
              OutputPattern.matches(trimmed(shown), trimmed(samePatch(printed).lines().toList())))
          .as("%s%n--- README shows:%n%s%n--- it prints:%n%s", where, join(shown), printed)
          .isTrue();
    }
    return true;
  }

  /** Later copies of the first patch printed read {@code '[...same patch...]'}. */
  private static String samePatch(String printed) {
    var patch = PATCH.matcher(printed);
    if (!patch.find()) {
      return printed;
    }
    int after = patch.end();
    return printed.substring(0, after)
        + printed.substring(after).replace(patch.group(1), SAME_PATCH);
  }

  private static List<String> trimmed(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(0, end);
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines);
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
