package dev.trafficengineer.core.capacity;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.WeightShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the backends a weight change sends more traffic to can take it. A rollback at 3 AM that
 * moves everything onto a Service scaled for a tenth of it trades one outage for another, so the
 * change says so, with the shares (of each rule's traffic) before and after.
 *
 * <ul>
 *   <li>A jump to most of a rule's traffic (over half, from 0 or more than doubling) is a warning:
 *       the backend must be scaled for it.
 *   <li>With the ready endpoints counted (live mode), a Service with none that would get more
 *       traffic is refused (its share would be answered with 503), and a share per ready endpoint
 *       that would grow more than 4× is a warning with the numbers.
 * </ul>
 */
public final class Capacity {
  /** A share per ready endpoint may grow up to this factor without a warning. */
  static final double MAX_GROWTH_PER_ENDPOINT = 4.0;

  private Capacity() {}

  /**
   * The warnings for {@code changes}.
   *
   * @param readyEndpoints ready endpoints per Service, counted in the cluster; null when not
   *     counted (a route from a file), and a Service missing from it is not counted
   * @throws InvalidInputException when a counted Service with no ready endpoint would get more
   *     traffic
   */
  public static List<String> check(
      List<WeightShift.RuleChange> changes, Map<String, Integer> readyEndpoints) {
    List<String> warnings = new ArrayList<>();
    for (WeightShift.RuleChange change : changes) {
      long totalBefore = sum(change.before());
      long totalAfter = sum(change.after());
      for (int b = 0; b < change.backends().size(); b++) {
        String service = change.backends().get(b);
        Share share =
            new Share(
                percent(change.before().get(b), totalBefore),
                percent(change.after().get(b), totalAfter));
        if (share.after() <= share.before()) {
          continue;
        }
        Integer ready = readyEndpoints == null ? null : readyEndpoints.get(service);
        if (ready != null && ready == 0) {
          throw new InvalidInputException(
              "readyEndpoints",
              service,
              "has no ready endpoint, and the change would send it "
                  + share.describe(change.rule())
                  + ": those requests would be answered with 503. Nothing was changed; scale it"
                  + " up (or fix its pods) until kubectl get endpointslices -l"
                  + " kubernetes.io/service-name="
                  + service
                  + " shows ready endpoints.");
        }
        if (share.isBigJump() || (ready != null && share.growth() > MAX_GROWTH_PER_ENDPOINT)) {
          warnings.add(warning(service, ready, share, change.rule()));
        }
      }
    }
    return List.copyOf(warnings);
  }

  private static String warning(String service, Integer ready, Share share, int rule) {
    if (ready == null) {
      return "Capacity: "
          + service
          + " would take "
          + share.describe(rule)
          + ": make sure it is scaled for that (its replicas) before you run the command. Live"
          + " mode (--live, the cluster tools) counts its ready endpoints.";
    }
    return "Capacity: "
        + service
        + " has "
        + ready
        + (ready == 1 ? " ready endpoint" : " ready endpoints")
        + " and would take "
        + share.describe(rule)
        + (Double.isInfinite(share.growth())
            ? ""
            : ", " + Share.number(share.growth()) + "× as much per endpoint")
        + ": scale it (its replicas) for that before you apply the change.";
  }

  private static long sum(List<Integer> weights) {
    return weights.stream().mapToLong(Integer::longValue).sum();
  }

  private static double percent(int weight, long total) {
    return total == 0 ? 0 : 100.0 * weight / total;
  }
}
