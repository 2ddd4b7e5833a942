package dev.trafficengineer.cli;

import dev.trafficengineer.core.TestFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Bulk input made from a spec file under {@code src/test/resources/bulk/}: a template route whose
 * {@code {n}} is numbered from 0, copied as many times as the spec says, one document each. The
 * megabytes of YAML are written at test time, never kept in the repository.
 *
 * @param template the route to copy, relative to {@code src/test/resources}
 * @param copies how many documents to write
 * @param heap the JVM's heap option the input must be validated within
 * @param expected what validating it must give: {@code valid}, and the count of findings per code
 */
record BulkInput(String template, int copies, String heap, Expected expected) {

  record Expected(boolean valid, Map<String, Integer> findings) {}

  static BulkInput of(String spec) {
    return TestFiles.JSON.readValue(TestFiles.read(spec), BulkInput.class);
  }

  /** Writes the documents to {@code file}, each after a {@code ---} line. */
  Path write(Path file) throws IOException {
    String route = TestFiles.read(template).replaceAll("(?m)^#.*\n", "");
    int at = route.indexOf("{n}");
    String before = route.substring(0, at);
    String after = route.substring(at + "{n}".length());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int n = 0; n < copies; n++) {
        out.write("---\n");
        out.write(before);
        out.write(Integer.toString(n));
        out.write(after);
      }
    }
    return file;
  }
}
