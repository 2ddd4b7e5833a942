package dev.trafficengineer.core.crd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The published route CRDs and the Gateway API corpus in ../shared (see their READMEs); tests that
 * need them skip with a message when the folder is not beside the project.
 */
final class SharedCrds {

  static final Path CRDS = Path.of("..", "shared", "gateway-api-crds");
  static final Path CORPUS = Path.of("..", "shared", "gateway-api-corpus");
  static final List<String> TAGS =
      List.of("v1.0.0", "v1.1.0", "v1.2.0", "v1.3.0", "v1.4.0", "v1.5.0", "v1.6.1");

  private static final Map<Path, RouteCrd> PARSED = new ConcurrentHashMap<>();

  private SharedCrds() {}

  static void assumePresent() {
    assumeTrue(
        Files.isDirectory(CRDS) && Files.isDirectory(CORPUS),
        "../shared/gateway-api-crds or ../shared/gateway-api-corpus is not beside the project");
  }

  /** Every CRD file: {@code <tag>/<channel>/<kind>.yaml}. */
  static List<Path> crdFiles() {
    try (Stream<Path> files = Files.walk(CRDS)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The corpus files of one folder ({@code valid}, {@code invalid}, {@code grpc-valid}). */
  static List<Path> corpus(String folder) {
    try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CRD of one file, parsed once for all tests (the engine's own cache keeps only a few). */
  static RouteCrd crd(Path file) {
    return PARSED.computeIfAbsent(file, f -> RouteCrds.parse(read(f)).all().get(0));
  }

  static RouteCrd crd(String tag, String channel, String kind) {
    return crd(CRDS.resolve(tag).resolve(channel).resolve(kind + ".yaml"));
  }
}
