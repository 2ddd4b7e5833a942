package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every document of a multi-document input is judged on its own: one route with any field replaced
 * by a YAML value of another type (a string field holding a mapping, a list where a mapping
 * belongs, null, a number as a string, ...) changes nothing in the findings of the routes around
 * it, and the validator never throws.
 *
 * <p>The routes are the valid fixtures under {@code src/test/resources/validate} and, when present,
 * the Gateway API project's own (../shared/gateway-api-corpus). Each route is put in a namespace of
 * its own, parentRefs included, so that the routes do not compete for requests: what a broken route
 * may legitimately change in the others (a TE301 across routes) is then ruled out by construction,
 * and any difference is a shape of one document leaking into the judgement of another.
 */
class RouteValidatorIsolationPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<JsonNode> CORPUS = corpus();

  /** Stands in for the broken route in the baseline: one line, judged TE102 and nothing more. */
  private static final String PLACEHOLDER =
      "{\"apiVersion\": \"v1\", \"kind\": \"Placeholder\", \"metadata\": {\"name\": \"x\"}}";

  /** One route with one field replaced, and where it goes among the others. */
  record Broken(JsonNode route, String pointer, JsonNode value, int position) {}

  @Property(tries = 400)
  void aBrokenDocumentLeavesTheOthersFindingsUnchanged(
      @ForAll("others") List<JsonNode> others, @ForAll("broken") Broken broken) {
    int position = Math.min(broken.position(), others.size());
    JsonNode mutated = replaced(broken.route(), broken.pointer(), broken.value());

    List<Finding> withBroken = validate(others, mutated.toString(), position);
    List<Finding> withPlaceholder = validate(others, PLACEHOLDER, position);

    String where = "%s = %s at document %d".formatted(broken.pointer(), broken.value(), position);
    assertThat(byOtherDocument(withBroken, position))
        .as(where)
        .isEqualTo(byOtherDocument(withPlaceholder, position));
    assertThat(withBroken)
        .as(where)
        .allSatisfy(
            finding ->
                assertThat(finding.message())
                    .doesNotContain("could not process it")
                    .doesNotContain("cannot be read"));
  }

  @Provide
  Arbitrary<List<JsonNode>> others() {
    return Arbitraries.of(CORPUS).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Broken> broken() {
    return Arbitraries.of(CORPUS)
        .flatMap(
            route ->
                Combinators.combine(
                        Arbitraries.of(pointers(route)),
                        anyValue(2),
                        Arbitraries.integers().between(0, 4))
                    .as((pointer, value, position) -> new Broken(route, pointer, value, position))
                    .filter(
                        b -> b.value().getNodeType() != b.route().at(b.pointer()).getNodeType()));
  }

  /** YAML's c-printable, for the characters a Java string holds one by one. */
  private static boolean printable(int c) {
    return c == 0x09
        || c == 0x0A
        || c == 0x0D
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }

  /** Any YAML value: scalars of every type (numbers as strings too), lists and mappings of them. */
  private static Arbitrary<JsonNode> anyValue(int depth) {
    List<Arbitrary<JsonNode>> choices =
        new ArrayList<>(
            List.of(
                // Printable in YAML's sense: the reader refuses a character outside that set
                // (DEL, say, which JSON leaves unescaped) for the whole input, before any document
                // is judged (seed -8353347488710542550 met one).
                Arbitraries.strings()
                    .ofMaxLength(12)
                    .filter(
                        s -> s.chars().allMatch(RouteValidatorIsolationPropertiesTest::printable))
                    .map(NODES::stringNode),
                Arbitraries.of("8000", "true", "null", "", "GET", "/api", "*")
                    .map(NODES::stringNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(0.5, 8000.0, -1.0, 1e30).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode())));
    if (depth > 0) {
      choices.add(
          anyValue(depth - 1)
              .list()
              .ofMaxSize(3)
              .map(
                  items -> {
                    ArrayNode list = NODES.arrayNode();
                    items.forEach(list::add);
                    return list;
                  }));
      choices.add(
          Arbitraries.maps(
                  Arbitraries.of("name", "value", "type", "port", "a", "backendRefs"),
                  anyValue(depth - 1))
              .ofMaxSize(3)
              .map(
                  fields -> {
                    ObjectNode map = NODES.objectNode();
                    fields.forEach(map::set);
                    return map;
                  }));
    }
    return Arbitraries.oneOf(choices);
  }

  private static List<Finding> validate(List<JsonNode> others, String middle, int position) {
    List<String> documents = new ArrayList<>(others.stream().map(JsonNode::toString).toList());
    documents.add(position, middle);
    // One line per document, so that the findings of the others keep their lines.
    String yaml = String.join("\n---\n", documents) + "\n";
    return RouteValidator.validate(new ValidateRequest(yaml, null)).findings();
  }

  /** The findings of every document but {@code skipped}, by document, paths without the index. */
  private static Map<Integer, List<String>> byOtherDocument(List<Finding> findings, int skipped) {
    return findings.stream()
        .filter(f -> document(f) != skipped)
        .collect(
            Collectors.groupingBy(
                RouteValidatorIsolationPropertiesTest::document,
                Collectors.mapping(
                    f ->
                        String.join(
                            " ",
                            f.code(),
                            f.severity(),
                            withoutIndex(f.path()),
                            String.valueOf(f.line()),
                            f.message()),
                    Collectors.toList())));
  }

  private static String withoutIndex(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? "" : path.substring(end);
  }

  /** The document a finding is about; -1 for one about the whole input, which hides the rest. */
  private static int document(Finding finding) {
    String path = finding.path();
    int end = path.indexOf('/', 1);
    String index = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
    return index.isEmpty() || !index.chars().allMatch(Character::isDigit)
        ? -1
        : Integer.parseInt(index);
  }

  private static JsonNode replaced(JsonNode route, String pointer, JsonNode value) {
    if (pointer.isEmpty()) {
      return value;
    }
    JsonNode copy = route.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
    return copy;
  }

  /** Every node of the route, as JSON Pointers; keys here never hold '/' or '~'. */
  private static List<String> pointers(JsonNode route) {
    List<String> pointers = new ArrayList<>();
    collect(route, "", pointers);
    return pointers;
  }

  private static void collect(JsonNode node, String pointer, List<String> pointers) {
    pointers.add(pointer);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().indexOf('/') < 0 && field.getKey().indexOf('~') < 0) {
          collect(field.getValue(), pointer + "/" + field.getKey(), pointers);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, pointers);
      }
    }
  }

  private static List<JsonNode> corpus() {
    List<Path> files = new ArrayList<>(yamlFiles(Path.of("src", "test", "resources", "validate")));
    files.removeIf(file -> !file.getFileName().toString().startsWith("valid-"));
    Path shared = Path.of("..", "shared", "gateway-api-corpus");
    files.addAll(yamlFiles(shared.resolve("valid")));
    files.addAll(yamlFiles(shared.resolve("grpc-valid")));
    List<JsonNode> routes = new ArrayList<>();
    for (Path file : files) {
      try {
        YamlReader.read(Files.readString(file, StandardCharsets.UTF_8)).stream()
            .map(document -> document.tree())
            .filter(JsonNode::isObject)
            .filter(tree -> tree.path("kind").asString("").endsWith("Route"))
            .forEach(tree -> routes.add(ownNamespace(tree, routes.size())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(routes).hasSizeGreaterThan(10);
    return List.copyOf(routes);
  }

  /** The route, in a namespace no other route of the test uses, its parents' included. */
  private static JsonNode ownNamespace(JsonNode tree, int index) {
    ObjectNode route = (ObjectNode) tree.deepCopy();
    String namespace = "route-" + index;
    if (route.get("metadata") instanceof ObjectNode metadata) {
      metadata.put("namespace", namespace);
    }
    for (JsonNode parent : route.path("spec").path("parentRefs")) {
      if (parent instanceof ObjectNode object && object.has("namespace")) {
        object.put("namespace", namespace);
      }
    }
    return route;
  }

  private static List<Path> yamlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
