package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
  @Test
  @DisplayName("- reads stdin as UTF-8")
  void readsStdin() {
    InputStream stdin =
        new ByteArrayInputStream("kind: HTTPRoute # ü\n".getBytes(StandardCharsets.UTF_8));

    assertThat(InputFile.read("-", stdin)).isEqualTo("kind: HTTPRoute # ü\n");
  }

  @Test
  @DisplayName("a file name reads that file")
  void readsFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("route.yaml"), "kind: HTTPRoute\n");

    assertThat(InputFile.read(file.toString(), InputStream.nullInputStream()))
        .isEqualTo("kind: HTTPRoute\n");
  }

  @Test
  @DisplayName("exactly 16 MiB is accepted, one byte more is refused without reading further")
  void boundedAt16MiB() {
    byte[] limit = new byte[InputFile.MAX_BYTES];
    java.util.Arrays.fill(limit, (byte) 'a');

    assertThat(InputFile.read("-", new ByteArrayInputStream(limit))).hasSize(InputFile.MAX_BYTES);
    assertThatThrownBy(() -> InputFile.read("-", endless()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("file: \"(stdin)\" is larger than the 16 MiB limit");
  }

  @Test
  @DisplayName("binary input is refused")
  void notUtf8() {
    InputStream stdin = new ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xfe, 0});

    assertThatThrownBy(() -> InputFile.read("-", stdin))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("is not UTF-8 text");
  }

  @Test
  @DisplayName("a directory is refused with the reason")
  void directory(@TempDir Path dir) {
    assertThatThrownBy(() -> InputFile.read(dir.toString(), InputStream.nullInputStream()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  @DisplayName("over 16 MiB on stdin, premium refuses in one line")
  void premiumRefusesOversizedStdin() {
    CliRun run = CliRun.withInput(endless(), "premium", "-f", "-", "--service", "task-api-stable");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: --file: \"(stdin)\" is larger than the 16 MiB limit\n");
  }

  /** A pipe that never ends, as `yes | traffic-engineer premium -f -` would be. */
  private static InputStream endless() {
    return new InputStream() {
      @Override
      public int read() {
        return 'y';
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'y');
        return length;
      }
    };
  }
}
