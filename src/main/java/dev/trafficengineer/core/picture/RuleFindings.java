package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings sorted to the rules they point at ({@code /spec/rules/N...}, or {@code
 * /D/spec/rules/N...} with several documents); the others stay with the route as a whole.
 */
final class RuleFindings {
  private static final Pattern RULE = Pattern.compile("^(?:/(\\d+))?/spec/rules/(\\d+)(?:/.*)?$");

  private final Map<String, List<String>> byRule = new LinkedHashMap<>();
  private final List<String> others = new ArrayList<>();

  RuleFindings(List<Finding> findings, PictureRoutes routes) {
    for (Finding finding : findings == null ? List.<Finding>of() : findings) {
      String text = finding.code() + " " + finding.severity() + ": " + finding.message();
      Matcher matcher = RULE.matcher(finding.path() == null ? "" : finding.path());
      int route = -1;
      if (matcher.matches()) {
        boolean prefixed = matcher.group(1) != null;
        if (prefixed == (routes.documentCount() > 1)) {
          route = prefixed ? routes.routeOfDocument(Integer.parseInt(matcher.group(1))) : 0;
        }
      }
      if (route < 0) {
        others.add(finding.line() > 0 ? text + " (line " + finding.line() + ")" : text);
      } else {
        byRule
            .computeIfAbsent(key(route, Integer.parseInt(matcher.group(2))), k -> new ArrayList<>())
            .add(text);
      }
    }
  }

  List<String> of(int route, int rule) {
    return List.copyOf(byRule.getOrDefault(key(route, rule), List.of()));
  }

  List<String> others() {
    return List.copyOf(others);
  }

  private static String key(int route, int rule) {
    return route + ":" + rule;
  }
}
