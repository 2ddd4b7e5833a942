package dev.trafficengineer.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Gateway API project's own HTTPRoutes (../shared/gateway-api-corpus) with the conformance
 * suite's shared Gateways beside them: the routes that attach to those Gateways are checked as a
 * whole configuration, and the conformance tests that expect a route not to attach or a backend to
 * be refused get exactly that finding.
 */
class GatewayApiCorpusWithGatewaysTest {
  private static final Path CORPUS = Path.of("..", "shared", "gateway-api-corpus", "valid");
  private static final List<String> SHARED =
      List.of(
          "same-namespace",
          "all-namespaces",
          "backend-namespaces",
          "same-namespace-with-https-listener");

  @Test
  @DisplayName(
      "conformance routes on the shared Gateways: the expected TE5xx, and no other attachment finding")
  void conformanceRoutes() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "../shared/gateway-api-corpus is not beside the project");
    String gateways = resource("/gateway-corpus/conformance-gateways.yaml");
    Map<String, List<String>> attachment = new TreeMap<>();
    int checked = 0;
    for (Path file : files()) {
      String route = Files.readString(file, StandardCharsets.UTF_8);
      if (!file.getFileName().toString().startsWith("conformance__tests__")
          || !onSharedGateways(route)) {
        continue;
      }
      checked++;
      ValidationResult result =
          RouteValidator.validate(new ValidateRequest(gateways + "---\n" + route, null));
      assertThat(result.findings())
          .as(file.getFileName().toString())
          .noneMatch(f -> f.code().startsWith("TE1") || f.code().equals("TE509"));
      List<String> codes =
          result.findings().stream()
              .map(Finding::code)
              .filter(code -> code.matches("TE50[0-9]"))
              .distinct()
              .toList();
      if (!codes.isEmpty()) {
        attachment.put(name(file), codes);
      }
    }

    assertThat(checked).isGreaterThan(40);
    assertThat(attachment)
        .containsEntry("httproute-invalid-parentref-not-matching-listener-port", List.of("TE503"))
        .containsEntry("httproute-invalid-cross-namespace-parent-ref", List.of("TE501"))
        .containsEntry("httproute-invalid-cross-namespace-backend-ref", List.of("TE506"))
        .containsEntry("httproute-invalid-nonexistent-backendref", List.of("TE505"))
        .doesNotContainKey("httproute-cross-namespace");
  }

  @Test
  @DisplayName(
      "conformance GRPCRoutes on the shared Gateways attach (HTTP listeners take GRPCRoutes by"
          + " default) and no TE1xx")
  void conformanceGrpcRoutes() throws IOException {
    Path grpc = CORPUS.resolveSibling("grpc-valid");
    assumeTrue(Files.isDirectory(grpc), "../shared/gateway-api-corpus is not beside the project");
    String gateways = resource("/gateway-corpus/conformance-gateways.yaml");
    int checked = 0;
    List<Path> routes;
    try (Stream<Path> files = Files.list(grpc)) {
      routes = files.sorted().toList();
    }
    for (Path file : routes) {
      String route = Files.readString(file, StandardCharsets.UTF_8);
      if (!file.getFileName().toString().startsWith("conformance__tests__grpcroute")
          || !onSharedGateways(route)) {
        continue;
      }
      checked++;
      ValidationResult result =
          RouteValidator.validate(new ValidateRequest(gateways + "---\n" + route, null));
      assertThat(result.context()).isNotNull();
      assertThat(result.findings())
          .as(file.getFileName().toString())
          .noneMatch(f -> f.code().startsWith("TE1") || f.code().matches("TE50[1239]"));
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  private static boolean onSharedGateways(String route) {
    List<String> parents = new ArrayList<>();
    boolean inParents = false;
    for (String line : route.lines().toList()) {
      if (line.startsWith("  parentRefs:")) {
        inParents = true;
      } else if (inParents && line.matches("  [a-z].*")) {
        inParents = false;
      } else if (inParents && line.matches("  *- name: .*")) {
        parents.add(line.substring(line.indexOf("name:") + 5).trim());
      }
    }
    return !parents.isEmpty() && SHARED.containsAll(parents);
  }

  private static String name(Path file) {
    String name = file.getFileName().toString();
    return name.replaceFirst("^conformance__tests__", "").replaceFirst("__[0-9]+\\.yaml$", "");
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.sorted().toList();
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(GatewayApiCorpusWithGatewaysTest.class.getResourceAsStream(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
