package dev.trafficengineer.core.picture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.validate.ProtectExpectation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden SVG pictures: each {@code picture/NAME.picture.json} names a route file (and optionally
 * requests and protected traffic); {@code picture/NAME.svg} is the picture byte for byte. Run with
 * {@code -Dgolden.update=true} to rewrite them, then look at them and review the diff.
 */
class RoutePicturesTest {
  record PictureCase(
      String yamlFile, String caption, List<RequestSpec> requests, ProtectExpectation protect) {}

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.path("picture"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".picture.json"))
          .map(name -> name.substring(0, name.length() - ".picture.json".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  static String draw(String name) {
    PictureCase given =
        TestFiles.JSON.readValue(
            TestFiles.read("picture/" + name + ".picture.json"), PictureCase.class);
    PictureRequest request =
        new PictureRequest(
            given.caption(),
            TestFiles.read(given.yamlFile()),
            given.requests(),
            given.protect(),
            null);
    return RoutePictures.svg(List.of(RoutePictures.draw(request)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("the picture is the golden SVG, byte for byte, and drawing it twice gives the same")
  void golden(String name) {
    String actual = draw(name);
    Path golden = TestFiles.path("picture/" + name + ".svg");
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      TestFiles.write(golden, actual);
    }
    assertThat(actual).isEqualTo(TestFiles.read(golden)).isEqualTo(draw(name));
  }
}
