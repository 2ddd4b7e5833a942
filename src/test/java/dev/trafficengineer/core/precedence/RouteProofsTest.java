package dev.trafficengineer.core.precedence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.generate.PremiumProtection;
import dev.trafficengineer.core.generate.PremiumRuleRequest;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RouteProofs")
class RouteProofsTest {
  static final String HEADER = "x-api-tier";
  static final String PREMIUM = "premium";
  static final String STABLE = "task-api-stable";

  static List<HTTPRoute> routes(String yaml) {
    return YamlReader.read(yaml).stream()
        .map(YamlDocument::tree)
        .map(HttpRouteMapping::toRoute)
        .toList();
  }

  static List<HTTPRoute> fixture(String name) {
    return routes(TestFiles.read("proofs/" + name + ".yaml"));
  }

  static Optional<Counterexample> counterexample(List<HTTPRoute> routes) {
    return RouteProofs.protectionCounterexample(routes, HEADER, PREMIUM, STABLE);
  }

  @Nested
  @DisplayName("TE302 protection")
  class Protection {
    @Test
    @DisplayName("finds the canary rule with a longer prefix than the premium rule")
    void longerCanaryPrefix() {
      Counterexample found = counterexample(fixture("longer-canary-prefix")).orElseThrow();

      assertThat(found.rule()).isEqualTo(new RuleRef(0, 1, 0));
      assertThat(found.request().path()).isEqualTo("/api/v2");
      assertThat(found.request().headers()).containsEntry(HEADER, PREMIUM);
      assertThat(found.backends()).containsExactly("task-api-canary (weight 10 of 100)");
      assertThat(found.reasons()).anyMatch(reason -> reason.startsWith("longest path"));
    }

    @Test
    @DisplayName("finds the beta-header rule listed before the premium rule")
    void betaBeforePremium() {
      Counterexample found = counterexample(fixture("beta-before-premium")).orElseThrow();

      assertThat(found.rule()).isEqualTo(new RuleRef(0, 0, 0));
      assertThat(found.request().headers())
          .containsEntry(HEADER, PREMIUM)
          .containsEntry("x-beta", "true");
      assertThat(found.reasons()).anyMatch(reason -> reason.contains("is listed before"));
    }

    @Test
    @DisplayName("stays quiet when the premium rule is listed last but more specific")
    void premiumLastButSpecific() {
      assertThat(counterexample(fixture("premium-last-but-specific"))).isEmpty();
    }

    @Test
    @DisplayName("finds a method match outranking the premium header")
    void methodBeatsHeader() {
      Counterexample found = counterexample(fixture("method-beats-header")).orElseThrow();

      assertThat(found.request().method()).isEqualTo("POST");
      assertThat(found.backends()).containsExactly("task-api-canary (weight 1 of 1)");
    }

    @Test
    @DisplayName("finds the host the premium route does not serve")
    void otherHost() {
      Counterexample found = counterexample(fixture("other-host")).orElseThrow();

      assertThat(found.request().host()).isNotEqualTo("api.example.com").endsWith(".example.com");
      assertThat(found.rule().route()).isEqualTo(1);
    }

    @Test
    @DisplayName("a canary with weight 0 reaches nothing")
    void weightZero() {
      assertThat(counterexample(fixture("canary-weight-zero"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "longer-canary-prefix",
          "beta-before-premium",
          "method-beats-header",
          "premium-last-but-specific"
        })
    @DisplayName("routes after PremiumProtection.add are proved protected")
    void premiumProtectionHolds(String name) {
      String protectedYaml =
          PremiumProtection.add(
                  new PremiumRuleRequest(
                      TestFiles.read("proofs/" + name + ".yaml"), STABLE, null, null))
              .yaml();

      assertThat(counterexample(routes(protectedYaml))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "golden/inputs/task-api-combined-canary-90-10.yaml",
          "golden/inputs/ab-and-canary.yaml",
          "golden/lesson-combined.yaml"
        })
    @DisplayName("golden routes after PremiumProtection.add are proved protected")
    void premiumProtectionHoldsOnGoldenRoutes(String file) {
      String protectedYaml =
          PremiumProtection.add(new PremiumRuleRequest(TestFiles.read(file), STABLE, null, null))
              .yaml();

      assertThat(counterexample(routes(protectedYaml))).isEmpty();
    }

    @ParameterizedTest(name = "canary weight {0}")
    @ValueSource(ints = {0, 5, 50, 100})
    @DisplayName("canary routes generated with protectHeader are proved protected")
    void canaryWithProtectHeader(int weight) {
      String yaml =
          CanaryGenerator.generate(
                  new CanaryRequest(
                      "task-api",
                      "task-api-gateway",
                      STABLE,
                      "task-api-canary",
                      8000,
                      weight,
                      null,
                      null,
                      "/api/",
                      List.of("api.example.com"),
                      null,
                      null,
                      new HeaderMatchInput(HEADER, PREMIUM)))
              .yaml();

      assertThat(counterexample(routes(yaml))).isEmpty();
    }

    @Test
    @DisplayName("the finding names the counterexample request and the rule to fix")
    void finding() {
      ProofFinding finding =
          RouteProofs.protectionFinding(fixture("longer-canary-prefix"), HEADER, PREMIUM, STABLE)
              .orElseThrow();

      assertThat(finding.code()).isEqualTo("TE302");
      assertThat(finding.rule()).isEqualTo(1);
      assertThat(finding.message())
          .contains("GET /api/v2 with x-api-tier: premium", "task-api-canary", "longest path");
      assertThat(finding.fix()).contains("add_premium_rule");
    }
  }

  @Nested
  @DisplayName("TE301 unreachable rules")
  class Unreachable {
    @Test
    @DisplayName("reports exactly the rules whose every match is taken first by another rule")
    void shadows() {
      List<ProofFinding> findings = RouteProofs.unreachableRules(fixture("unreachable"));

      assertThat(findings).extracting(ProofFinding::rule).containsExactly(1, 5);
      assertThat(findings).allMatch(f -> f.code().equals("TE301"));
      assertThat(findings.get(0).message())
          .contains("rule 1 can never be reached", "rule 0", "first rule in list order");
      assertThat(findings.get(1).message()).contains("rule 2", "rule 3");
    }

    @Test
    @DisplayName("across routes with the same hostnames, the newer duplicate is unreachable")
    void acrossRoutes() {
      String yaml =
          """
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: newer, namespace: a, creationTimestamp: "2025-01-01T00:00:00Z"}
          spec:
            hostnames: [api.example.com]
            rules: [{matches: [{path: {value: /x}}], backendRefs: [{name: n, port: 80}]}]
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: older, namespace: b, creationTimestamp: "2024-01-01T00:00:00Z"}
          spec:
            hostnames: [api.example.com]
            rules: [{matches: [{path: {value: /x}}], backendRefs: [{name: o, port: 80}]}]
          """;

      List<ProofFinding> findings = RouteProofs.unreachableRules(routes(yaml));

      assertThat(findings).extracting(ProofFinding::route).containsExactly(0);
      assertThat(findings.get(0).message()).contains("b/older", "oldest route");
    }

    @Test
    @DisplayName("routes with different hostnames never shadow each other")
    void differentHosts() {
      String yaml =
          """
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: a, namespace: a}
          spec:
            hostnames: [a.example.com]
            rules: [{backendRefs: [{name: a, port: 80}]}]
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: b, namespace: a}
          spec:
            rules: [{backendRefs: [{name: b, port: 80}]}]
          """;

      assertThat(RouteProofs.unreachableRules(routes(yaml))).isEmpty();
    }

    @Test
    @DisplayName("the routes the generators make have no unreachable rule")
    void generatedRoutes() {
      assertThat(
              RouteProofs.unreachableRules(routes(TestFiles.read("golden/lesson-combined.yaml"))))
          .isEmpty();
    }
  }
}
