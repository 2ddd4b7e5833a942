package dev.trafficengineer.core.precedence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TE301, proved symbolically: a rule is unreachable when each of its matches M has a match M' of
 * another rule that takes every request M takes (same or weaker path, method, header and query
 * conditions) and ranks before M. Ranking between two matches that both take a request does not
 * depend on the request, so M' then wins every request M could win. Only routes with the same
 * hostnames are compared, since they compete for exactly the same hosts; regular expressions are
 * never assumed to contain anything, so every finding is a proof.
 */
final class UnreachableRules {
  private UnreachableRules() {}

  static List<ProofFinding> of(RouteSet routes) {
    Index index = new Index(routes);
    List<ProofFinding> findings = new ArrayList<>();
    for (RouteFacts route : routes.facts()) {
      int rules = routes.ruleCount(route.index());
      for (int rule = 0; rule < rules; rule++) {
        shadowed(routes, index, route, rule).ifPresent(findings::add);
      }
    }
    return List.copyOf(findings);
  }

  private static Optional<ProofFinding> shadowed(
      RouteSet routes, Index index, RouteFacts route, int rule) {
    List<String> explanations = new ArrayList<>();
    for (int position : index.ofRule(route.index(), rule)) {
      Candidate match = routes.candidates().get(position);
      Optional<Candidate> shadow = index.shadowOf(position);
      if (shadow.isEmpty()) {
        return Optional.empty();
      }
      explanations.add(explain(match, shadow.get(), routes.manyRoutes()));
    }
    return Optional.of(finding(routes, route, rule, explanations));
  }

  /** The TE301 finding for a rule all of whose matches are shadowed, as explained. */
  static ProofFinding finding(
      RouteSet routes, RouteFacts route, int rule, List<String> explanations) {
    String message =
        "rule "
            + rule
            + (routes.manyRoutes() ? " of " + route.key() : "")
            + " can never be reached: "
            + String.join("; ", explanations);
    String fix =
        "Remove the rule, or make it more specific than the rule that takes its requests (an"
            + " exact or longer path, a method, one more header or query match): Gateway API ranks"
            + " by specificity and uses list order only to break ties.";
    return new ProofFinding("TE301", route.index(), rule, message, fix);
  }

  private static boolean sameRule(Candidate a, Candidate b) {
    return a.route().index() == b.route().index() && a.rule() == b.rule();
  }

  /** What a match asks of a request, apart from the host: equal conditions take equal requests. */
  private record Conditions(
      PathMatch path, String method, List<ValueMatch> headers, List<ValueMatch> query) {
    static Conditions of(Candidate c) {
      return new Conditions(c.path(), c.method(), c.headers(), c.query());
    }
  }

  /**
   * The candidates grouped so that finding a match's shadow does not compare it with every other
   * candidate: by hostnames (only routes with the same hostnames compete), then by conditions, so
   * that {@link Candidate#within} is decided once per pair of distinct conditions and the ranking
   * by specificity once per class. The shadow is the same as a scan of all candidates in list order
   * would find: the first one, in list order, of another rule, with the same hostnames, that takes
   * every request the match takes and ranks before it.
   */
  private static final class Index {
    private final List<Candidate> candidates;
    private final Map<List<Integer>, List<Integer>> byRule = new HashMap<>();
    private final Map<Set<String>, Map<Conditions, ConditionClass>> byHosts = new HashMap<>();
    private final List<ConditionClass> classOf = new ArrayList<>();
    private final Map<ConditionClass, List<ConditionClass>> wider = new IdentityHashMap<>();

    Index(RouteSet routes) {
      candidates = routes.candidates();
      for (int i = 0; i < candidates.size(); i++) {
        Candidate c = candidates.get(i);
        byRule.computeIfAbsent(List.of(c.route().index(), c.rule()), k -> new ArrayList<>()).add(i);
        ConditionClass group =
            byHosts
                .computeIfAbsent(Set.copyOf(c.route().hostnames()), k -> new LinkedHashMap<>())
                .computeIfAbsent(Conditions.of(c), k -> new ConditionClass(c));
        group.members.add(i);
        classOf.add(group);
      }
    }

    List<Integer> ofRule(int route, int rule) {
      return byRule.getOrDefault(List.of(route, rule), List.of());
    }

    Optional<Candidate> shadowOf(int position) {
      Candidate match = candidates.get(position);
      int best = Integer.MAX_VALUE;
      for (ConditionClass group : widerThan(classOf.get(position))) {
        best = Math.min(best, group.firstAhead(match, candidates));
      }
      return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(candidates.get(best));
    }

    /** The classes of the same hostnames whose conditions take every request of {@code narrow}. */
    private List<ConditionClass> widerThan(ConditionClass narrow) {
      return wider.computeIfAbsent(
          narrow,
          n -> {
            List<ConditionClass> result = new ArrayList<>();
            Set<String> hosts = Set.copyOf(n.sample.route().hostnames());
            for (ConditionClass other : byHosts.get(hosts).values()) {
              if (n.sample.within(other.sample)) {
                result.add(other);
              }
            }
            return result;
          });
    }
  }

  /** Candidates with the same hostnames and conditions, in list order. */
  private static final class ConditionClass {
    private final Candidate sample;
    private final List<Integer> members = new ArrayList<>();
    private int[] leastTieBreak;

    ConditionClass(Candidate sample) {
      this.sample = sample;
    }

    /**
     * The list position of the first member of another rule than {@code match}'s that ranks before
     * it, or {@link Integer#MAX_VALUE}. Members rank alike by specificity, so only the tie-breaks
     * (age, name, list order) can differ between them.
     */
    int firstAhead(Candidate match, List<Candidate> candidates) {
      int specificity = SPECIFICITY.compare(sample, match);
      if (specificity > 0) {
        return Integer.MAX_VALUE;
      }
      int from = 0;
      if (specificity == 0) {
        from = firstBelow(match, candidates);
      }
      for (int i = from; i < members.size(); i++) {
        Candidate other = candidates.get(members.get(i));
        if (!sameRule(other, match) && MatchSpecificity.ORDER.compare(other, match) < 0) {
          return members.get(i);
        }
      }
      return Integer.MAX_VALUE;
    }

    /**
     * The first member index at or after which some member breaks the tie ahead of {@code match}: a
     * binary search over the running minimum of the tie-breaks in list order.
     */
    private int firstBelow(Candidate match, List<Candidate> candidates) {
      if (leastTieBreak == null) {
        leastTieBreak = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
          leastTieBreak[i] =
              i == 0
                      || MatchSpecificity.ORDER.compare(
                              candidates.get(members.get(i)),
                              candidates.get(members.get(leastTieBreak[i - 1])))
                          < 0
                  ? i
                  : leastTieBreak[i - 1];
        }
      }
      int low = 0;
      int high = members.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (MatchSpecificity.ORDER.compare(candidates.get(members.get(leastTieBreak[mid])), match)
            < 0) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return low;
    }
  }

  private static final Comparator<Candidate> SPECIFICITY =
      MatchSpecificity.STEPS.subList(0, MatchSpecificity.SPECIFICITY_STEPS).stream()
          .map(MatchSpecificity.Step::order)
          .reduce(Comparator::thenComparing)
          .orElseThrow();

  static String explain(Candidate match, Candidate shadow, boolean withRoute) {
    String step =
        MatchSpecificity.STEPS.stream()
            .filter(s -> s.order().compare(shadow, match) < 0)
            .findFirst()
            .map(MatchSpecificity.Step::name)
            .orElseThrow();
    return "every request its "
        + (match.matchesInRule() > 1 ? "match " + match.match() + " " : "match ")
        + "("
        + match.describe()
        + ") takes is also taken by "
        + shadow.label(withRoute)
        + " ("
        + shadow.describe()
        + "), which ranks first by "
        + step;
  }
}
