package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every published CRD in ../shared judges the corpus as its version would: a document is refused by
 * exactly the versions that lack a field it uses. The table below is the Gateway API's history
 * (release notes and the CRDs' schemas), written down independently of the engine.
 */
class CrdVersionFactsTest {

  /** A feature a route may use, and the first bundle of each channel that has it (null: none). */
  record Feature(String name, String standard, String experimental, Predicate<JsonNode> used) {
    boolean supportedBy(String tag, String channel) {
      String first = channel.equals("standard") ? standard : experimental;
      return first != null && SharedCrds.TAGS.indexOf(tag) >= SharedCrds.TAGS.indexOf(first);
    }
  }

  static final List<Feature> FEATURES =
      List.of(
          new Feature("CORS filter", "v1.5.0", "v1.3.0", doc -> filters(doc, "CORS")),
          new Feature(
              "CORS allowCredentials false",
              "v1.5.0",
              "v1.4.0",
              doc -> any(doc, "/cors/allowCredentials", v -> v.isBoolean() && !v.asBoolean())),
          new Feature(
              "CORS allowOrigins *",
              "v1.5.0",
              "v1.4.0",
              doc -> anyItem(doc, "/cors/allowOrigins", v -> v.asString("").equals("*"))),
          new Feature(
              "redirect status 303/307/308",
              "v1.5.0",
              "v1.5.0",
              doc ->
                  any(
                      doc,
                      "/requestRedirect/statusCode",
                      v -> Set.of(303, 307, 308).contains(v.asInt()))),
          new Feature(
              "parentRefs port",
              "v1.1.0",
              "v1.0.0",
              doc -> anyItem(doc, "/spec/parentRefs", ref -> ref.has("port"))),
          new Feature("rule name", "v1.4.0", "v1.2.0", doc -> rules(doc, rule -> rule.has("name"))),
          new Feature("timeouts", "v1.2.0", "v1.0.0", doc -> rules(doc, r -> r.has("timeouts"))),
          new Feature(
              "mirror percent/fraction",
              "v1.3.0",
              "v1.2.0",
              doc -> any(doc, "/requestMirror", m -> m.has("percent") || m.has("fraction"))),
          new Feature("retry", null, "v1.2.0", doc -> rules(doc, rule -> rule.has("retry"))),
          new Feature(
              "sessionPersistence",
              null,
              "v1.1.0",
              doc -> rules(doc, rule -> rule.has("sessionPersistence"))),
          new Feature(
              "GRPCRoute v1",
              "v1.1.0",
              "v1.1.0",
              doc ->
                  doc.path("kind").asString("").equals("GRPCRoute")
                      && doc.path("apiVersion").asString("").endsWith("/v1")));

  @Test
  @DisplayName("every CEL rule of every shared CRD compiles: none is skipped")
  void everyRuleCompiles() {
    SharedCrds.assumePresent();
    List<Path> files = SharedCrds.crdFiles();
    assertThat(files).hasSize(27);
    for (Path file : files) {
      RouteCrd crd = SharedCrds.crd(file);
      List<CelRule> rules = new ArrayList<>();
      crd.servedVersions().forEach(version -> crd.schema(version).collectRules(rules));
      assertThat(rules).as(file.toString()).isNotEmpty();
      assertThat(crd.uncompiledRules()).as(file.toString()).isEmpty();
    }
  }

  @Test
  @DisplayName("each version refuses exactly the corpus routes that use a field it lacks")
  void corpusJudgedAsEachVersionWould() {
    SharedCrds.assumePresent();
    List<JsonNode> accepted = new ArrayList<>();
    for (String folder : List.of("valid", "grpc-valid")) {
      SharedCrds.corpus(folder).forEach(file -> accepted.add(tree(SharedCrds.read(file))));
    }
    accepted.addAll(experimentalOnly(accepted.get(0)));
    Set<String> mismatches = new TreeSet<>();
    int judged = 0;
    for (Path file : SharedCrds.crdFiles()) {
      String tag = file.getParent().getParent().getFileName().toString();
      String channel = file.getParent().getFileName().toString();
      RouteCrd crd = SharedCrds.crd(file);
      for (JsonNode doc : accepted) {
        if (!crd.kind().equals(doc.path("kind").asString(""))) {
          continue;
        }
        judged++;
        List<String> lacking =
            FEATURES.stream()
                .filter(f -> f.used().test(doc) && !f.supportedBy(tag, channel))
                .map(Feature::name)
                .toList();
        List<Violation> violations = RouteJudge.judge(doc, crd, new CelBudget());
        if (lacking.isEmpty() != violations.isEmpty()) {
          mismatches.add(
              tag
                  + "/"
                  + channel
                  + " "
                  + doc.path("metadata").path("name").asString("")
                  + " lacks "
                  + lacking
                  + " but got "
                  + violations);
        }
      }
    }
    assertThat(judged).isGreaterThan(1500);
    assertThat(mismatches).isEmpty();
  }

  @Test
  @DisplayName("every version refuses every route of the invalid corpus")
  void invalidCorpusRefusedByEveryVersion() {
    SharedCrds.assumePresent();
    for (Path file : SharedCrds.crdFiles()) {
      RouteCrd crd = SharedCrds.crd(file);
      if (!crd.kind().equals("HTTPRoute")) {
        continue;
      }
      for (Path route : SharedCrds.corpus("invalid")) {
        assertThat(RouteJudge.judge(tree(SharedCrds.read(route)), crd, new CelBudget()))
            .as(file + " " + route.getFileName())
            .isNotEmpty();
      }
    }
  }

  /** The corpus leaves out experimental fields: these add retry and sessionPersistence. */
  private static List<JsonNode> experimentalOnly(JsonNode base) {
    ObjectNode retry = (ObjectNode) base.deepCopy();
    ObjectNode rule = (ObjectNode) retry.path("spec").path("rules").get(0);
    rule.putObject("retry").put("attempts", 2).put("backoff", "1s");
    ((ObjectNode) retry.path("metadata")).put("name", "with-retry");
    ObjectNode session = (ObjectNode) base.deepCopy();
    ((ObjectNode) session.path("spec").path("rules").get(0))
        .putObject("sessionPersistence")
        .put("sessionName", "session");
    ((ObjectNode) session.path("metadata")).put("name", "with-session-persistence");
    return List.of(retry, session);
  }

  static JsonNode tree(String yaml) {
    return YamlReader.read(yaml).get(0).tree();
  }

  private static boolean rules(JsonNode doc, Predicate<JsonNode> test) {
    for (JsonNode rule : doc.path("spec").path("rules")) {
      if (test.test(rule)) {
        return true;
      }
    }
    return false;
  }

  private static boolean filters(JsonNode doc, String type) {
    return any(doc, "/type", v -> v.asString("").equals(type));
  }

  /** Whether a node at {@code suffix} under any filter of any rule or backendRef passes. */
  private static boolean any(JsonNode doc, String suffix, Predicate<JsonNode> test) {
    for (JsonNode rule : doc.path("spec").path("rules")) {
      List<JsonNode> filters = new ArrayList<>();
      rule.path("filters").forEach(filters::add);
      rule.path("backendRefs").forEach(ref -> ref.path("filters").forEach(filters::add));
      for (JsonNode filter : filters) {
        JsonNode value = filter.at(suffix);
        if (!value.isMissingNode() && test.test(value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyItem(JsonNode doc, String pointer, Predicate<JsonNode> test) {
    if (pointer.startsWith("/spec")) {
      for (JsonNode item : doc.at(pointer)) {
        if (test.test(item)) {
          return true;
        }
      }
      return false;
    }
    return any(
        doc,
        pointer,
        list -> {
          for (JsonNode item : list) {
            if (test.test(item)) {
              return true;
            }
          }
          return false;
        });
  }
}
