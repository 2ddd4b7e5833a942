package dev.trafficengineer.core.precedence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The indexed shadow search finds what a scan of every candidate in list order finds: the same
 * findings, naming the same shadowing rule, on route sets built from a small vocabulary so that
 * equal, wider and narrower matches, ties and regular expressions all occur.
 */
class UnreachableRulesPropertiesTest {

  @Property(tries = 400)
  void indexedSearchEqualsFullScan(@ForAll("routeSets") List<HTTPRoute> routes) {
    RouteSet set = RouteSet.of(routes);

    assertThat(UnreachableRules.of(set)).isEqualTo(FullScan.of(set));
  }

  @Provide
  Arbitrary<List<HTTPRoute>> routeSets() {
    Arbitrary<String> match =
        Combinators.combine(
                Arbitraries.of(
                    "{type: PathPrefix, value: /}",
                    "{type: PathPrefix, value: /api}",
                    "{type: PathPrefix, value: /api/}",
                    "{type: Exact, value: /api/v1}",
                    "{type: RegularExpression, value: /a.*}"),
                Arbitraries.of("", "method: GET, "),
                Arbitraries.of(
                    "",
                    "headers: [{name: x-tier, value: premium}], ",
                    "headers: [{name: X-Tier, value: premium}, {name: x-b, value: '1'}], ",
                    "headers: [{type: RegularExpression, name: x-tier, value: p.*}], "),
                Arbitraries.of("", "queryParams: [{name: q, value: '1'}], "))
            .as(
                (path, method, headers, query) ->
                    "{" + method + headers + query + "path: " + path + "}");
    Arbitrary<String> rule =
        match.list().ofMinSize(0).ofMaxSize(2).map(m -> "  - matches: " + m + "\n");
    Arbitrary<String> route =
        Combinators.combine(
                Arbitraries.of("a", "b", "c"),
                Arbitraries.of("", "  creationTimestamp: '2024-01-01T00:00:00Z'\n"),
                Arbitraries.of("", "  hostnames: [shop.example]\n"),
                rule.list().ofMinSize(1).ofMaxSize(3))
            .as(
                (name, created, hosts, rules) ->
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: "
                        + name
                        + "\n  namespace: shop\n"
                        + created
                        + "spec:\n  parentRefs: [{name: gw}]\n"
                        + hosts
                        + "  rules:\n"
                        + String.join("", rules));
    return route
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            docs ->
                YamlReader.read(String.join("---\n", docs)).stream()
                    .map(document -> HttpRouteMapping.toRoute(document.tree()))
                    .toList());
  }

  /** The search before the index: every candidate, in list order, for every match. */
  private static final class FullScan {
    static List<ProofFinding> of(RouteSet routes) {
      List<ProofFinding> findings = new ArrayList<>();
      for (RouteFacts route : routes.facts()) {
        int rules = routes.ruleCount(route.index());
        for (int rule = 0; rule < rules; rule++) {
          List<String> shadows = new ArrayList<>();
          boolean all = true;
          for (Candidate match : routes.candidates()) {
            if (match.route().index() != route.index() || match.rule() != rule) {
              continue;
            }
            Optional<Candidate> shadow = shadowOf(routes, match);
            if (shadow.isEmpty()) {
              all = false;
              break;
            }
            shadows.add(UnreachableRules.explain(match, shadow.get(), routes.manyRoutes()));
          }
          if (all) {
            findings.add(UnreachableRules.finding(routes, route, rule, shadows));
          }
        }
      }
      return findings;
    }

    private static Optional<Candidate> shadowOf(RouteSet routes, Candidate match) {
      return routes.candidates().stream()
          .filter(o -> !(o.route().index() == match.route().index() && o.rule() == match.rule()))
          .filter(
              o -> Set.copyOf(o.route().hostnames()).equals(Set.copyOf(match.route().hostnames())))
          .filter(match::within)
          .filter(o -> MatchSpecificity.ORDER.compare(o, match) < 0)
          .findFirst();
    }
  }
}
