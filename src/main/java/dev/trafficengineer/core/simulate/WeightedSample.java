package dev.trafficengineer.core.simulate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws requests over a rule's weights, as a Gateway's weighted load balancing would: each draw
 * picks a backend with probability share. Counts are keyed by backend name (a backend listed twice
 * adds up), or by status when nothing is forwarded, like {@code uniq -c} over the responses.
 */
final class WeightedSample {
  private WeightedSample() {}

  static Map<String, Long> draw(RequestResult result, int count, SplittableRandom random) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (result.status() != 200) {
      counts.put("status " + result.status(), (long) count);
      return counts;
    }
    List<SimulatedBackend> backends = result.backends();
    double[] cumulative = new double[backends.size()];
    double sum = 0;
    for (int i = 0; i < backends.size(); i++) {
      sum += backends.get(i).share();
      cumulative[i] = sum;
      counts.putIfAbsent(backends.get(i).name(), 0L);
    }
    int last = lastWithShare(backends);
    for (int n = 0; n < count; n++) {
      double x = random.nextDouble() * sum;
      int pick = last;
      for (int i = 0; i < last; i++) {
        if (x < cumulative[i] && backends.get(i).share() > 0) {
          pick = i;
          break;
        }
      }
      counts.merge(backends.get(pick).name(), 1L, Long::sum);
    }
    return counts;
  }

  /** Rounding must never hand a draw to a backend with weight 0. */
  private static int lastWithShare(List<SimulatedBackend> backends) {
    for (int i = backends.size() - 1; i >= 0; i--) {
      if (backends.get(i).share() > 0) {
        return i;
      }
    }
    throw new IllegalStateException("a forwarded request has a backend with a share");
  }
}
