package dev.trafficengineer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trafficengineer.core.simulate.RequestResult;
import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.simulate.Sample;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.SimulateResult;
import dev.trafficengineer.core.simulate.SimulatedBackend;
import dev.trafficengineer.core.simulate.Simulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * simulate_traffic on any routes and requests. The input is the routes' YAML; each {@code #> METHOD
 * PATH [name=value ...] [?name=value ...] [@host] [*count]} line adds a request. The answer is a
 * result per request whose forwarded shares add up to 1, or a refusal.
 */
class SimulateTrafficFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void simulatesOrRefuses(byte[] data) {
    String text = FuzzText.text(data);
    List<RequestSpec> requests = new ArrayList<>();
    Integer count = null;
    for (String directive : FuzzText.directives(text)) {
      String[] words = directive.split(" ", -1);
      Map<String, String> headers = new LinkedHashMap<>();
      Map<String, String> query = new LinkedHashMap<>();
      String host = null;
      for (int i = 2; i < words.length; i++) {
        String word = words[i];
        if (word.startsWith("@")) {
          host = word.substring(1);
        } else if (word.startsWith("*")) {
          count = number(word.substring(1));
        } else if (word.startsWith("?")) {
          put(query, word.substring(1));
        } else {
          put(headers, word);
        }
      }
      requests.add(
          new RequestSpec(words.length > 1 ? words[1] : null, words[0], headers, query, host));
    }
    Sample sample = count == null ? null : new Sample(count, 7L);
    FuzzText.refusalsOnly(
        () -> {
          SimulateResult result = Simulator.simulate(new SimulateRequest(text, requests, sample));
          assertThat(result.results()).hasSameSizeAs(requests);
          for (RequestResult one : result.results()) {
            if (one.status() == 200) {
              double total = one.backends().stream().mapToDouble(SimulatedBackend::share).sum();
              assertThat(total).isBetween(0.999_999, 1.000_001);
            }
          }
        });
  }

  private static void put(Map<String, String> map, String word) {
    int equals = word.indexOf('=');
    if (equals >= 0) {
      map.put(word.substring(0, equals), word.substring(equals + 1));
    }
  }

  private static Integer number(String text) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
