package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class RouteValidatorPropertiesTest {

  private static final String PREMIUM_CANARY =
      Checked.CANARY.replace(
          "    - backendRefs:\n",
          """
              - matches:
                  - path: {type: PathPrefix, value: /api}
                    headers: [{name: x-api-tier, value: premium}]
                    method: GET
                backendRefs: [{name: task-api-stable, port: 8000}]
                timeouts: {request: 10s, backendRequest: 2s}
              - backendRefs:
          """);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One field of the route set to a value the API server refuses, and the code that says so. */
  record Mutation(String parent, String field, JsonNode value, String code) {}

  @Property(tries = 300)
  void breakingOneFieldYieldsItsCode(@ForAll("mutations") Mutation mutation) {
    JsonNode route = YamlReader.read(PREMIUM_CANARY).get(0).tree();
    ((ObjectNode) route.at(mutation.parent())).set(mutation.field(), mutation.value());

    ValidationResult result = RouteValidator.validate(new ValidateRequest(route.toString(), null));

    assertThat(result.findings())
        .extracting(Finding::code)
        .as("%s/%s = %s", mutation.parent(), mutation.field(), mutation.value())
        .contains(mutation.code());
    assertThat(result.valid()).isFalse();
  }

  @Property(tries = 2_000)
  void noStringThrows(@ForAll String text) {
    assertThat(RouteValidator.validate(new ValidateRequest(text, null)).findings()).isNotNull();
  }

  @Property(tries = 500)
  void noValueAnywhereThrows(
      @ForAll("anyPointer") String pointer, @ForAll("anyValue") JsonNode value) {
    JsonNode route = YamlReader.read(PREMIUM_CANARY).get(0).tree();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = route.at(pointer.substring(0, slash));
    if (parent instanceof ObjectNode object) {
      object.set(pointer.substring(slash + 1), value);
    }

    assertThat(RouteValidator.validate(new ValidateRequest(route.toString(), null)).findings())
        .isNotNull();
  }

  @Property(tries = 200)
  void generatedCanariesValidateClean(
      @ForAll @IntRange(min = 0, max = 100) int canaryWeight, @ForAll boolean protect) {
    CanaryRequest request =
        new CanaryRequest(
            "task-api",
            "task-api-gateway",
            "task-api-stable",
            "task-api-canary",
            8000,
            canaryWeight,
            null,
            null,
            "/api",
            List.of("api.example.com"),
            "gateway-system",
            "https",
            protect ? new HeaderMatchInput("x-api-tier", "premium") : null);

    ValidationResult result =
        RouteValidator.validate(
            new ValidateRequest(CanaryGenerator.generate(request).yaml(), null));

    assertThat(result.findings()).isEmpty();
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    String backend = "/spec/rules/1/backendRefs/1";
    String match = "/spec/rules/0/matches/0";
    return Arbitraries.oneOf(
        Arbitraries.longs()
            .between(1_000_001, Long.MAX_VALUE)
            .map(w -> mutation(backend, "weight", NODES.numberNode(w), "TE106")),
        Arbitraries.longs()
            .between(Long.MIN_VALUE, -1)
            .map(w -> mutation(backend, "weight", NODES.numberNode(w), "TE106")),
        // Printable characters: a control character such as U+007F makes the whole input TE101
        // (not text) before any field is read.
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .ofMaxLength(5)
            .map(w -> mutation(backend, "weight", NODES.stringNode(w), "TE106")),
        Arbitraries.integers()
            .between(65_536, Integer.MAX_VALUE)
            .map(p -> mutation(backend, "port", NODES.numberNode(p), "TE107")),
        Arbitraries.integers()
            .between(Integer.MIN_VALUE, 0)
            .map(p -> mutation(backend, "port", NODES.numberNode(p), "TE107")),
        Arbitraries.strings()
            .withChars("ABC_ .:")
            .ofMinLength(1)
            .ofMaxLength(10)
            .map(n -> mutation("/metadata", "name", NODES.stringNode("x" + n), "TE104")),
        Arbitraries.strings()
            .withChars("ABC_.")
            .ofMinLength(1)
            .ofMaxLength(10)
            .map(n -> mutation("/metadata", "namespace", NODES.stringNode("x" + n), "TE104")),
        Arbitraries.of("weights", "backendref", "ports", "nam", "Port")
            .map(f -> mutation(backend, f, NODES.numberNode(1), "TE103")),
        Arbitraries.strings()
            .alpha()
            .ofMinLength(1)
            .ofMaxLength(8)
            .map(p -> mutation(match + "/path", "value", NODES.stringNode(p), "TE108")),
        Arbitraries.of("//", "/./", "/../", "%2f", "#", " ", "[", "\"")
            .map(
                bad ->
                    mutation(
                        match + "/path", "value", NODES.stringNode("/api" + bad + "x"), "TE108")),
        Arbitraries.of("exact", "Prefix", "Regex", "")
            .map(t -> mutation(match + "/path", "type", NODES.stringNode(t), "TE114")),
        Arbitraries.of("get", "FETCH", "Post", "")
            .map(m -> mutation(match, "method", NODES.stringNode(m), "TE114")),
        Arbitraries.of("a b", "x:y", "a/b", "", "é")
            .map(n -> mutation(match + "/headers/0", "name", NODES.stringNode(n), "TE109")),
        Arbitraries.of(
                "https://a.example.com",
                "A.example.com",
                "a_b.example.com",
                "a.example.com:80",
                "10.0.0.1:80")
            .map(h -> mutation("/spec", "hostnames", NODES.arrayNode().add(h), "TE110")),
        Arbitraries.of("10", "5 s", "1.5s", "1d", "-1s")
            .map(t -> mutation("/spec/rules/0/timeouts", "request", NODES.stringNode(t), "TE113")),
        Arbitraries.of("HTTPRoute", "Gateway", "HttpRoute")
            .map(k -> mutation("", "kind", NODES.stringNode(k + "x"), "TE102")),
        Arbitraries.just(mutation("/spec", "parentRefs", NODES.arrayNode(), "TE404")));
  }

  private static Mutation mutation(String parent, String field, JsonNode value, String code) {
    return new Mutation(parent, field, value, code);
  }

  @Provide
  Arbitrary<String> anyPointer() {
    return Arbitraries.of(
        "/apiVersion",
        "/metadata/name",
        "/metadata/labels",
        "/spec",
        "/spec/parentRefs",
        "/spec/parentRefs/0/name",
        "/spec/hostnames",
        "/spec/rules",
        "/spec/rules/0/matches",
        "/spec/rules/0/matches/0/headers",
        "/spec/rules/0/matches/0/path/value",
        "/spec/rules/0/timeouts",
        "/spec/rules/1/backendRefs/0/weight",
        "/spec/rules/1/backendRefs/1",
        "/spec/rules/1/filters",
        "/spec/rules/0/filters");
  }

  @Provide
  Arbitrary<JsonNode> anyValue() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(NODES::stringNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(
            NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode()),
        Arbitraries.strings()
            .ofMaxLength(8)
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  var array = NODES.arrayNode();
                  items.forEach(array::add);
                  return array;
                }),
        Arbitraries.of(
                "{\"type\":\"RequestRedirect\"}",
                "{\"name\":5}",
                "[{\"type\":\"URLRewrite\",\"urlRewrite\":{\"path\":{\"type\":\"ReplacePrefixMatch\"}}}]")
            .map(json -> YamlReader.read(json).get(0).tree()));
  }
}
