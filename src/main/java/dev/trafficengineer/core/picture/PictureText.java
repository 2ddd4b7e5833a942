package dev.trafficengineer.core.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * A picture in words, for the SVG's {@code <desc>} (what screen readers announce) and for anyone
 * who cannot see it: the rules in order with their shares, then where each request goes.
 */
final class PictureText {
  private PictureText() {}

  static String describe(RoutePicture picture) {
    List<String> rules = new ArrayList<>();
    for (RuleBox rule : picture.rules()) {
      StringBuilder text = new StringBuilder();
      text.append(rule.rank()).append(". ").append(rule.label());
      text.append(" (").append(rule.conditions()).append(")");
      if (rule.shadowed() != null) {
        text.append(" SHADOWED, never reached");
      }
      if (rule.protectedTraffic()) {
        text.append(" PROTECTED");
      }
      List<String> shares = new ArrayList<>();
      rule.shares().forEach(share -> shares.add(share.backend() + " " + share.percent()));
      if (!shares.isEmpty()) {
        text.append(" sends to ").append(String.join(", ", shares));
      }
      if (rule.status() != 200) {
        text.append(" answers ").append(rule.status());
      }
      rules.add(text.toString());
    }
    List<String> requests = new ArrayList<>();
    for (RequestRow request : picture.requests()) {
      requests.add(
          request.request()
              + " -> "
              + (request.rank() == null
                  ? "404"
                  : "rule #" + request.rank() + ", " + request.status()));
    }
    String text =
        picture.caption()
            + ". Rules in precedence order: "
            + String.join("; ", rules)
            + ". Requests: "
            + String.join("; ", requests)
            + ".";
    return picture.protection() == null ? text : text + " " + picture.protection();
  }
}
