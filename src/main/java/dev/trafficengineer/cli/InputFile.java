package dev.trafficengineer.cli;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text given with {@code -f FILE} or {@code -f -} (stdin), bounded so that a wrong file
 * or an endless pipe cannot exhaust memory before anything is parsed.
 */
final class InputFile {
  static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final String FIELD = "file";
  private static final String STDIN = "-";

  private InputFile() {}

  /** The UTF-8 text of {@code source}; refused (exit 2) when unreadable, too large or binary. */
  static String read(String source, InputStream stdin) {
    if (STDIN.equals(source)) {
      return decode("(stdin)", readBounded("(stdin)", stdin));
    }
    try (InputStream in = Files.newInputStream(Path.of(source))) {
      return decode(source, readBounded(source, in));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(FIELD, source, "cannot be read: no such file");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(FIELD, source, "cannot be read: permission denied");
    } catch (IOException | InvalidPathException e) {
      throw new InvalidInputException(FIELD, source, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * A refusal of the text read from {@code source}, naming the file the person gave rather than the
   * core field ({@code routeYaml: "(YAML)"}): {@code -f route.yaml: line 10, ...: Unknown field}.
   */
  static String refusal(String source, InvalidInputException e) {
    String file = "-f " + (STDIN.equals(source) ? "- (stdin)" : source);
    if (e.value() == null) {
      return file + ": is empty";
    }
    String value = String.valueOf(e.value());
    if (value.startsWith("(line ") && value.endsWith(")")) {
      return file + ": " + value.substring(1, value.length() - 1) + ": " + e.rule();
    }
    if (value.startsWith("(") && value.endsWith(")")) {
      return file + ": " + e.rule();
    }
    return file + ": " + e.getMessage();
  }

  private static byte[] readBounded(String source, InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidInputException(FIELD, source, "cannot be read: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidInputException(FIELD, source, "is larger than the 16 MiB limit");
    }
    return bytes;
  }

  private static String decode(String source, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(FIELD, source, "is not UTF-8 text");
    }
  }
}
