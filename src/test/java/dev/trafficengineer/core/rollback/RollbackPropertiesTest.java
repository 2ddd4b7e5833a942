package dev.trafficengineer.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rollbacks over generated routes (several rules, random weights including 0 and omitted, random
 * names beside the lesson's), each patch applied by an RFC 6902 implementation (zjsonpatch, the one
 * the fabric8 mock API server uses). Whatever is asked, a result never raises a weight-0 backend
 * the request did not name, never offers to delete a backend that still gets traffic, and an
 * inferred canary always satisfies the minority rule. A GRPCRoute with the same rules is answered
 * alike.
 */
class RollbackPropertiesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CANARY = "app-canary";

  /** One backend: a name from a small set (so that rules share them) and a weight, or none. */
  record Backend(String name, Integer weight) {}

  /** One request: the fields a person or an assistant can set. */
  record Ask(String canaryService, String target, String to) {
    /** The Service the request names as the one to send traffic to, if any. */
    Optional<String> raisable(RollbackResult result) {
      if (to != null
          || "blue".equals(target)
          || "green".equals(target)
          || ("canary".equals(target) && canaryService != null)) {
        return Optional.of(result.service());
      }
      return Optional.empty();
    }
  }

  @Provide
  Arbitrary<List<List<Backend>>> routes() {
    Arbitrary<String> randomName =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of("app-stable", CANARY, "app-v1", "app-v2", "app-blue", "app-green"),
            randomName.map(n -> "x-" + n));
    Arbitrary<Backend> backend =
        Combinators.combine(name, Arbitraries.integers().between(0, 1000).injectNull(0.2))
            .as(Backend::new);
    Arbitrary<Integer> weight =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(0, 100)),
            Tuple.of(5, Arbitraries.integers().between(0, 1000)),
            Tuple.of(2, Arbitraries.just((Integer) null)));
    Arbitrary<Backend> mixed = Combinators.combine(name, weight).as(Backend::new);
    Arbitrary<List<Backend>> rule =
        Arbitraries.oneOf(backend, mixed)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .uniqueElements(Backend::name);
    return rule.list().ofMinSize(1).ofMaxSize(5);
  }

  @Provide
  Arbitrary<Ask> asks() {
    Arbitrary<String> service =
        Arbitraries.of("app-stable", CANARY, "app-v1", "app-v2", "app-blue", "app-green")
            .injectNull(0.5);
    Arbitrary<String> target =
        Arbitraries.of("stable", "canary", "blue", "green", "ab-off").injectNull(0.4);
    Arbitrary<Ask> byTarget =
        Combinators.combine(service, target).as((s, t) -> new Ask(s, t, null));
    Arbitrary<Ask> byTo =
        Arbitraries.of("app-stable", CANARY, "app-v1", "app-v2", "app-blue", "app-green")
            .map(to -> new Ask(null, null, to));
    return Arbitraries.oneOf(byTarget, byTo);
  }

  @Property(tries = 1000)
  @Label("(a) clean-up never names a backend with weight > 0 after the patch")
  void cleanupNeverDeletesWhatServes(
      @ForAll("routes") List<List<Backend>> rules, @ForAll("asks") Ask ask) {
    Optional<Outcome> outcome = outcome(rules, ask);
    Assume.that(outcome.isPresent());
    JsonNode after = outcome.get().after();
    for (ShellCommand cleanup : outcome.get().result().cleanup()) {
      String deleted = cleanup.command().split(" ")[3];
      after
          .at("/spec/rules")
          .forEach(
              rule ->
                  rule.get("backendRefs")
                      .forEach(
                          b ->
                              assertThat(b.get("name").asString().equals(deleted) && weight(b) > 0)
                                  .as("%s still gets traffic: %s", deleted, rule)
                                  .isFalse()));
    }
  }

  @Property(tries = 1000)
  @Label("(b) no rollback raises a weight-0 backend unless the request named it")
  void noUnnamedBackendIsRaisedFromZero(
      @ForAll("routes") List<List<Backend>> rules, @ForAll("asks") Ask ask) {
    Optional<Outcome> outcome = outcome(rules, ask);
    Assume.that(outcome.isPresent());
    Optional<String> named = ask.raisable(outcome.get().result());
    JsonNode before = outcome.get().before();
    JsonNode after = outcome.get().after();
    // ab-off removes rules and changes no weight; the weights below are compared rule by rule.
    Assume.that(after.at("/spec/rules").size() == before.at("/spec/rules").size());
    for (int r = 0; r < after.at("/spec/rules").size(); r++) {
      JsonNode was = before.at("/spec/rules/" + r + "/backendRefs");
      JsonNode now = after.at("/spec/rules/" + r + "/backendRefs");
      for (int b = 0; b < now.size(); b++) {
        String name = now.get(b).get("name").asString();
        if (weight(was.get(b)) == 0 && weight(now.get(b)) > 0) {
          assertThat(named).as("rule %d raised %s from 0", r, name).contains(name);
        }
      }
    }
  }

  @Property(tries = 1000)
  @Label("(c) inference refuses, or picks a *-canary sharing a rule, or a minority everywhere")
  void inferenceRefusesOrPicksAMinority(@ForAll("routes") List<List<Backend>> rules) {
    RollbackResult result;
    try {
      result = Rollback.compute(new RollbackRequest(yaml(rules), null, null, null, null));
    } catch (TargetRefused refused) {
      return;
    } catch (InvalidInputException notInRoute) {
      return;
    }
    String canary = result.service();
    boolean named = canary.equals("canary") || canary.endsWith("-canary");
    boolean shares = false;
    boolean carries = false;
    for (List<Backend> rule : rules) {
      long total = rule.stream().mapToLong(RollbackPropertiesTest::weight).sum();
      Optional<Backend> own = rule.stream().filter(b -> b.name().equals(canary)).findFirst();
      if (own.isEmpty() || rule.size() < 2) {
        continue;
      }
      shares = true;
      if (!named && total > 0) {
        assertThat(2L * weight(own.get())).as("share of %s in %s", canary, rule).isLessThan(total);
        carries |= weight(own.get()) > 0;
      }
    }
    assertThat(shares).as("%s shares a rule", canary).isTrue();
    assertThat(named || carries).as("%s carries traffic somewhere", canary).isTrue();
  }

  @Property(tries = 300)
  @Label(
      "a rollback of the named canary: its share becomes 0 where others can take it; only weights change")
  void rollbackDrainsTheCanaryOnly(@ForAll("routes") List<List<Backend>> rules) {
    Assume.that(rules.stream().flatMap(List::stream).anyMatch(b -> b.name().equals(CANARY)));
    Optional<Outcome> outcome = outcome(rules, new Ask(CANARY, null, null));
    Assume.that(outcome.isPresent());
    JsonNode before = outcome.get().before();
    JsonNode after = outcome.get().after();

    assertThat(withoutWeights(after)).isEqualTo(withoutWeights(before));
    for (int r = 0; r < rules.size(); r++) {
      List<Backend> backends = rules.get(r);
      boolean hasCanary = backends.stream().anyMatch(b -> b.name().equals(CANARY));
      if (!hasCanary || backends.size() == 1) {
        assertThat(after.at("/spec/rules/" + r)).isEqualTo(before.at("/spec/rules/" + r));
        continue;
      }
      List<Integer> was = effective(before, r);
      List<Integer> now = effective(after, r);
      for (int b = 0; b < backends.size(); b++) {
        if (backends.get(b).name().equals(CANARY)) {
          assertThat(now.get(b)).as("canary in rule %d", r).isZero();
        }
      }
      assertThat(now.stream().mapToInt(Integer::intValue).sum() > 0)
          .as("rule %d still sends traffic", r)
          .isEqualTo(was.stream().mapToInt(Integer::intValue).sum() > 0);
    }
  }

  @Property(tries = 500)
  @Label(
      "a GRPCRoute with the same rules gets the same answer: refusal, changes, clean-up, and a patch"
          + " that differs only in the match it tests")
  void grpcRouteIsAnsweredAlike(
      @ForAll("routes") List<List<Backend>> rules, @ForAll("asks") Ask ask) {
    String http = yaml(rules);
    String grpc = grpcYaml(rules);
    String httpAnswer = answer(http, ask);
    String grpcAnswer = answer(grpc, ask);

    // The rule's match in words is the kind's own: "app.v1.R1/*" where the HTTPRoute says "/r1".
    assertThat(grpcAnswer.replaceAll("app\\.v1\\.R(\\d+)/\\*", "/r$1")).isEqualTo(httpAnswer);
    Optional<Outcome> outcome = outcome(rules, ask);
    Assume.that(outcome.isPresent());
    RollbackResult result =
        Rollback.compute(
            new RollbackRequest(grpc, null, null, ask.canaryService(), ask.target(), ask.to()));
    JsonNode before = YamlReader.read(grpc).get(0).tree();
    JsonNode after = JsonPatch.apply(JSON.valueToTree(result.patch()), before);
    assertThat(withoutMatches(after)).isEqualTo(withoutMatches(outcome.get().after()));
  }

  /** What a person reads of a result (its changes, Service, clean-up and split), or the refusal. */
  private static String answer(String yaml, Ask ask) {
    try {
      RollbackResult result =
          Rollback.compute(
              new RollbackRequest(yaml, null, null, ask.canaryService(), ask.target(), ask.to()));
      return String.join("\n", result.changes())
          + "\n"
          + result.service()
          + "\n"
          + result.nothingToChange()
          + "\n"
          + result.cleanup().stream().map(ShellCommand::command).toList()
          + "\n"
          + result.current();
    } catch (InvalidInputException refused) {
      return refused.getMessage();
    }
  }

  /** The same rules as {@link #yaml}, as a GRPCRoute: a gRPC service match instead of a path. */
  private static String grpcYaml(List<List<Backend>> rules) {
    String http = yaml(rules);
    StringBuilder grpc = new StringBuilder();
    for (String line : http.split("\n")) {
      if (line.equals("kind: HTTPRoute")) {
        grpc.append("kind: GRPCRoute\n");
      } else if (line.equals("    - path:")) {
        grpc.append("    - method:\n");
      } else if (line.startsWith("        value: /r")) {
        grpc.append("        service: app.v1.R").append(line.substring(17)).append('\n');
      } else {
        grpc.append(line).append('\n');
      }
    }
    return grpc.toString();
  }

  private static JsonNode withoutMatches(JsonNode route) {
    ObjectNode copy = (ObjectNode) route.deepCopy();
    copy.remove("kind");
    copy.at("/spec/rules").forEach(rule -> ((ObjectNode) rule).remove("matches"));
    return copy;
  }

  record Outcome(RollbackResult result, JsonNode before, JsonNode after) {}

  /** The result and the route before and after its patch, or empty when it was refused. */
  private static Optional<Outcome> outcome(List<List<Backend>> rules, Ask ask) {
    String yaml = yaml(rules);
    RollbackResult result;
    try {
      result =
          Rollback.compute(
              new RollbackRequest(yaml, null, null, ask.canaryService(), ask.target(), ask.to()));
    } catch (InvalidInputException refused) {
      return Optional.empty();
    }
    JsonNode before = YamlReader.read(yaml).get(0).tree();
    JsonNode after = JsonPatch.apply(JSON.valueToTree(result.patch()), before);
    return Optional.of(new Outcome(result, before, after));
  }

  private static String yaml(List<List<Backend>> rules) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: app
              namespace: app
            spec:
              parentRefs:
              - name: app-gateway
              rules:
            """);
    for (int r = 0; r < rules.size(); r++) {
      yaml.append("  - matches:\n    - path:\n        value: /r").append(r).append('\n');
      if (r % 2 == 1) {
        yaml.append("      headers:\n      - name: x-test\n        value: \"on\"\n");
      }
      yaml.append("    backendRefs:\n");
      for (Backend backend : rules.get(r)) {
        yaml.append("    - name: ").append(backend.name()).append("\n      port: 80\n");
        if (backend.weight() != null) {
          yaml.append("      weight: ").append(backend.weight()).append('\n');
        }
      }
    }
    return yaml.toString();
  }

  private static int weight(Backend backend) {
    return backend.weight() == null ? 1 : backend.weight();
  }

  private static int weight(JsonNode backend) {
    return backend.has("weight") ? backend.get("weight").asInt() : 1;
  }

  private static List<Integer> effective(JsonNode route, int rule) {
    List<Integer> weights = new ArrayList<>();
    route.at("/spec/rules/" + rule + "/backendRefs").forEach(b -> weights.add(weight(b)));
    return weights;
  }

  private static JsonNode withoutWeights(JsonNode route) {
    ObjectNode copy = (ObjectNode) route.deepCopy();
    copy.at("/spec/rules")
        .forEach(rule -> rule.get("backendRefs").forEach(b -> ((ObjectNode) b).remove("weight")));
    return copy;
  }
}
