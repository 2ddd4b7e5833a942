package dev.trafficengineer.core.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The picture agrees with the engine that simulates, for arbitrary rule lists. */
class PicturePropertiesTest {
  record RuleShape(String prefix, String method, int headers, int stable, int canary) {}

  @Provide
  Arbitrary<List<RuleShape>> rules() {
    Arbitrary<RuleShape> rule =
        Combinators.combine(
                Arbitraries.of("/", "/a", "/a/b", "/c"),
                Arbitraries.of((String) null, "GET", "POST"),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100))
            .as(RuleShape::new);
    return rule.list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 200)
  @Label("every plain request reaches its own rule or one ranked before it, never after")
  void requestsReachRulesInPictureOrder(@ForAll("rules") List<RuleShape> rules) {
    RoutePicture picture = draw(rules);

    for (RuleBox box : picture.rules()) {
      String example = example(rules.get(box.rule()));
      RequestRow row =
          picture.requests().stream()
              .filter(request -> request.request().equals(example))
              .findFirst()
              .orElseThrow();
      assertThat(row.rank()).isNotNull().isLessThanOrEqualTo(box.rank());
      assertThat(picture.rules().get(row.rank() - 1).shadowed()).isNull();
    }
  }

  /** The plainest request the rule takes, as the picture words it. */
  private static String example(RuleShape rule) {
    StringBuilder text =
        new StringBuilder(rule.method() == null ? "GET" : rule.method()).append(' ');
    text.append(rule.prefix());
    for (int h = 0; h < rule.headers(); h++) {
      text.append(h == 0 ? " with " : ", ").append("x-h").append(h).append(": v");
    }
    return text.toString();
  }

  @Property(tries = 200)
  @Label("shares are the weights over their sum; all weights 0 is drawn as 500")
  void sharesFollowWeights(@ForAll("rules") List<RuleShape> rules) {
    RoutePicture picture = draw(rules);

    for (RuleBox box : picture.rules()) {
      RuleShape shape = rules.get(box.rule());
      int total = shape.stable() + shape.canary();
      assertThat(box.status()).isEqualTo(total == 0 ? 500 : 200);
      assertThat(box.shares())
          .extracting(Share::weight)
          .containsExactly(shape.stable(), shape.canary());
      if (total > 0 && shape.canary() == 0) {
        assertThat(box.shares().get(0).percent()).isEqualTo("100%");
      }
    }
  }

  @Property(tries = 100)
  @Label("the SVG is well-formed XML and the same bytes every time")
  void svgIsWellFormedAndStable(@ForAll("rules") List<RuleShape> rules) throws Exception {
    String svg = RoutePictures.svg(List.of(draw(rules)));

    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(svg).isEqualTo(RoutePictures.svg(List.of(draw(rules))));
  }

  private static RoutePicture draw(List<RuleShape> rules) {
    return RoutePictures.draw(new PictureRequest(null, route(rules), null, null, null));
  }

  private static String route(List<RuleShape> rules) {
    StringBuilder yaml =
        new StringBuilder(
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\n"
                + "  namespace: ns\nspec:\n  rules:\n");
    for (RuleShape rule : rules) {
      yaml.append("  - matches:\n    - path:\n        type: PathPrefix\n        value: ")
          .append(rule.prefix())
          .append('\n');
      if (rule.method() != null) {
        yaml.append("      method: ").append(rule.method()).append('\n');
      }
      if (rule.headers() > 0) {
        yaml.append("      headers:\n");
        for (int h = 0; h < rule.headers(); h++) {
          yaml.append("      - name: x-h").append(h).append("\n        value: v\n");
        }
      }
      yaml.append("    backendRefs:\n");
      yaml.append("    - name: stable\n      port: 80\n      weight: ").append(rule.stable());
      yaml.append("\n    - name: canary\n      port: 80\n      weight: ").append(rule.canary());
      yaml.append('\n');
    }
    return yaml.toString();
  }
}
