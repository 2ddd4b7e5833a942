package dev.trafficengineer.core.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson's decision framework, answered. Hard constraints decide first: targeting specific
 * users needs A/B routing; an instant switch, a database migration, a breaking API change or a
 * compliance need for one auditable cut-over need blue-green, because a canary serves both versions
 * side by side for hours. Without such a constraint a canary is the default: it limits the blast
 * radius of whatever the tests missed.
 */
public final class DecisionFramework {
  static final String CANARY = "canary";
  static final String BLUE_GREEN = "blue-green";
  static final String AB_TEST = "ab-test";

  private DecisionFramework() {}

  public static Decision decide(DecisionRequest answers) {
    List<String> blueGreenReasons = blueGreenReasons(answers);
    List<String> canaryReasons = canaryReasons(answers);
    List<String> caveats = new ArrayList<>();
    String pattern;
    List<String> reasons = new ArrayList<>();
    if (yes(answers.specificUsers())) {
      pattern = AB_TEST;
      reasons.add(
          "Specific users must see the new version: A/B routing by header is deterministic, a"
              + " percentage split is not.");
      if (!blueGreenReasons.isEmpty()) {
        caveats.add(
            "You also named reasons for blue-green ("
                + String.join("; ", blueGreenReasons)
                + "): run the A/B test before the cut-over, then switch with generate_blue_green.");
      }
      caveats.add(
          "Clients can set any header: set it where you can trust it (the edge or your auth"
              + " layer) and strip it from outside requests.");
      caveats.add("Responses differ by header now: make caches vary on it (Vary) or bypass them.");
    } else if (!blueGreenReasons.isEmpty()) {
      pattern = BLUE_GREEN;
      reasons.addAll(blueGreenReasons);
      if (!canaryReasons.isEmpty()) {
        caveats.add(
            "You also want what a canary gives ("
                + String.join("; ", canaryReasons)
                + "), but a canary serves both versions at once, which the constraints above"
                + " rule out unless both versions can share state safely.");
      }
      caveats.add(
          "Blue-green needs capacity for both environments at full size until the old one is"
              + " removed.");
      if (yes(answers.databaseMigration())) {
        caveats.add(
            "Rolling back by switching to blue only works if blue can still use the database:"
                + " make the schema change backward-compatible (expand, switch, then contract)"
                + " or give green its own database.");
      }
      if (yes(answers.compliance())) {
        caveats.add(
            "Record the switch: the guarded patch command is the auditable change; keep it and"
                + " its output with the change ticket.");
      }
    } else {
      pattern = CANARY;
      reasons.addAll(canaryReasons);
      if (reasons.isEmpty()) {
        reasons.add(
            "No constraint calls for an instant switch or for targeting users: a canary limits"
                + " the blast radius of what the tests missed and rolls back with one weight.");
      }
      caveats.add(
          "Both versions serve at once: the API and the data they write must work for both.");
      caveats.add(
          "Watch error rate and latency per version at every stage; with little traffic a small"
              + " canary needs longer stages to prove anything.");
    }
    return new Decision(pattern, List.copyOf(reasons), List.copyOf(caveats), nextTool(pattern));
  }

  private static List<String> blueGreenReasons(DecisionRequest a) {
    List<String> reasons = new ArrayList<>();
    if (yes(a.instantSwitch())) {
      reasons.add("an instant switch is needed: blue-green moves all traffic in one change");
    }
    if (yes(a.databaseMigration())) {
      reasons.add("a database migration: one clean cut-over instead of two versions writing");
    }
    if (yes(a.breakingApiChange())) {
      reasons.add("a breaking API change: clients should see one version, all or nothing");
    }
    if (yes(a.compliance())) {
      reasons.add("compliance: one auditable switch with a recorded moment of change");
    }
    if (no(a.gradualRiskReduction())) {
      reasons.add("no gradual rollout wanted: the framework points to blue-green");
    }
    return reasons;
  }

  private static List<String> canaryReasons(DecisionRequest a) {
    List<String> reasons = new ArrayList<>();
    if (yes(a.gradualRiskReduction())) {
      reasons.add("gradual risk reduction: exposure grows 5% -> 25% -> 50% -> 100%");
    }
    if (yes(a.performanceTesting())) {
      reasons.add("performance testing: both versions serve real traffic side by side");
    }
    return reasons;
  }

  private static String nextTool(String pattern) {
    return switch (pattern) {
      case AB_TEST -> "generate_ab_test";
      case BLUE_GREEN -> "generate_blue_green";
      default -> "plan_rollout";
    };
  }

  private static boolean yes(Boolean answer) {
    return Boolean.TRUE.equals(answer);
  }

  private static boolean no(Boolean answer) {
    return Boolean.FALSE.equals(answer);
  }
}
