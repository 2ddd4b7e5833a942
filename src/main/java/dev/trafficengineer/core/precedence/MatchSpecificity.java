package dev.trafficengineer.core.precedence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which Gateway API ranks matching rules (apis/v1/httproute_types.go, HTTPRouteRule
 * Matches): across all rules of all routes for the host, (1) Exact path match, (2) longest prefix,
 * (3) method match, (4) most header matches, (5) most query param matches; if routes are still
 * tied, (6) the oldest route by creationTimestamp, (7) "{namespace}/{name}" alphabetically; within
 * one route, (8) the first matching rule in list order. Each step only breaks the ties the previous
 * ones left.
 *
 * <p>RegularExpression path precedence is implementation-specific. Here it ranks between Exact and
 * PathPrefix, a longer pattern first (the order Envoy-based gateways use), and a RegularExpression
 * header or query match counts like an exact one; reasons say so whenever a regex is involved.
 */
final class MatchSpecificity {
  /**
   * One step: its name, its order (smaller first), and the value it compares as reasons show it; an
   * empty value marks the list-order steps, explained as "listed before" instead.
   */
  record Step(String name, Comparator<Candidate> order, Function<Candidate, String> value) {
    boolean acrossRoutes() {
      return name.startsWith("oldest route") || name.startsWith("namespace/name");
    }
  }

  static final List<Step> STEPS =
      List.of(
          new Step(
              "path match type (Exact first)",
              Comparator.comparingInt(c -> c.path().kind().ordinal()),
              c -> c.path().kind().name()),
          new Step(
              "longest path",
              Comparator.comparingInt(c -> -c.path().length()),
              c -> c.path().describe() + " (" + c.path().length() + " characters)"),
          new Step(
              "method match",
              Comparator.comparingInt(c -> c.method() == null ? 1 : 0),
              c -> c.method() == null ? "any method" : "method " + c.method()),
          new Step(
              "most header matches",
              Comparator.comparingInt(c -> -c.headers().size()),
              c -> Candidate.count(c.headers().size(), "header")),
          new Step(
              "most query param matches",
              Comparator.comparingInt(c -> -c.query().size()),
              c -> Candidate.count(c.query().size(), "query param")),
          new Step(
              "oldest route (creationTimestamp)",
              Comparator.comparing(
                  c -> c.route().created(),
                  Comparator.nullsLast(Comparator.<Instant>naturalOrder())),
              c ->
                  c.route().created() == null
                      ? "no creationTimestamp, counts as newest"
                      : "created " + c.route().created()),
          new Step(
              "namespace/name alphabetical",
              Comparator.comparing(c -> c.route().key()),
              c -> c.route().key()),
          new Step(
              "first rule in list order within the route",
              Comparator.<Candidate>comparingInt(c -> c.route().index())
                  .thenComparingInt(Candidate::rule),
              c -> ""),
          new Step("first match of the rule", Comparator.comparingInt(Candidate::match), c -> ""));

  /** The whole ranking: the first candidate in this order takes the request. */
  static final Comparator<Candidate> ORDER =
      STEPS.stream().map(Step::order).reduce(Comparator::thenComparing).orElseThrow();

  /** The steps up to and including "most query param matches": specificity proper. */
  static final int SPECIFICITY_STEPS = 5;

  private MatchSpecificity() {}
}
