package dev.trafficengineer.core.picture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Draws route pictures as one SVG, one section under the other: requests on the left, rules in
 * precedence order in the middle, backends and error outcomes on the right. Every meaning is
 * written as text (shares, SHADOWED, PROTECTED, status codes); colour and line width only repeat
 * it. Coordinates are integers from a fixed-width font, so the same picture gives the same bytes.
 */
final class PictureSvg {
  static final int WIDTH = 1000;
  private static final int MARGIN = 16;
  private static final int LINE = 16;
  private static final int PAD = 8;
  private static final int GAP = 12;
  private static final int REQUEST_X = MARGIN;
  private static final int REQUEST_W = 290;
  private static final int RULE_X = 346;
  private static final int RULE_W = 370;
  private static final int BACKEND_X = 756;
  private static final int BACKEND_W = WIDTH - MARGIN - BACKEND_X;
  private static final int FULL_CHARS = chars(WIDTH - 2 * MARGIN + 2 * PAD);
  private static final String FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace";
  private static final String INK = "#1a1a1a";
  private static final String BLUE = "#1f4e79";
  private static final String GREY = "#6b6b6b";
  private static final String AMBER = "#8a5a00";
  private static final String RED = "#a61b1b";
  private static final String LEGEND =
      "How to read: a request takes the first rule in the middle column that matches it (Gateway"
          + " API precedence: exact path, longest prefix, method, most headers, most query params,"
          + " then age and list order). Each rule's shares are written out; a thicker line carries"
          + " a larger share. SHADOWED rules (grey, dashed) are never reached. PROTECTED marks"
          + " requests and rules with the protected header (thick amber border).";

  private PictureSvg() {}

  /** Characters of the fixed-width font (7.2 px at 12 px) that fit in a box of this width. */
  private static int chars(int width) {
    return (width - 2 * PAD) * 10 / 72;
  }

  private record Line(String text, boolean bold, String colour) {}

  private record Box(int x, int y, int w, List<Line> lines) {
    int h() {
      return 2 * PAD + lines.size() * LINE - 4;
    }

    int middle() {
      return y + h() / 2;
    }

    int lineY(int index) {
      return y + PAD + index * LINE + 6;
    }
  }

  static String svg(List<RoutePicture> pictures) {
    SvgWriter body = new SvgWriter();
    int y = MARGIN;
    StringBuilder desc = new StringBuilder();
    for (RoutePicture picture : pictures) {
      y = section(body, picture, y) + 2 * GAP;
      desc.append(PictureText.describe(picture)).append(' ');
    }
    List<String> legend = TextLines.wrap(LEGEND, FULL_CHARS);
    for (String line : legend) {
      body.text("text", line, "x", str(MARGIN), "y", str(y + 12), "fill", GREY);
      y += LINE;
    }
    int height = y + MARGIN;
    String title = pictures.isEmpty() ? "Route picture" : pictures.get(0).caption();
    SvgWriter svg = new SvgWriter();
    svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    svg.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "width",
        str(WIDTH),
        "height",
        str(height),
        "viewBox",
        "0 0 " + WIDTH + " " + height,
        "role",
        "img",
        "aria-labelledby",
        "picture-title picture-desc",
        "font-family",
        FONT,
        "font-size",
        "12");
    svg.text("title", title, "id", "picture-title");
    svg.text("desc", desc.toString().trim(), "id", "picture-desc");
    svg.open("defs");
    svg.open(
        "marker",
        "id",
        "arrow",
        "viewBox",
        "0 0 10 10",
        "refX",
        "9",
        "refY",
        "5",
        "markerUnits",
        "userSpaceOnUse",
        "markerWidth",
        "9",
        "markerHeight",
        "9",
        "orient",
        "auto");
    svg.empty("path", "d", "M0,0 L10,5 L0,10 z", "fill", "#444444");
    svg.close("marker");
    svg.close("defs");
    svg.empty("rect", "width", str(WIDTH), "height", str(height), "fill", "#ffffff");
    String content = body.toString();
    for (String line : content.split("\n")) {
      svg.raw(line);
    }
    svg.close("svg");
    return svg.toString();
  }

  /** Draws one picture from {@code top}; returns the y under it. */
  private static int section(SvgWriter out, RoutePicture picture, int top) {
    int y = top;
    out.open("g", "class", "section");
    out.text(
        "text",
        picture.caption(),
        "x",
        str(MARGIN),
        "y",
        str(y + 14),
        "font-size",
        "15",
        "font-weight",
        "bold",
        "fill",
        INK);
    y += 24;
    if (picture.protection() != null) {
      boolean holds = !picture.protection().startsWith("NOT ");
      for (String line : TextLines.wrap(picture.protection(), FULL_CHARS, 4)) {
        out.text(
            "text",
            line,
            "x",
            str(MARGIN),
            "y",
            str(y + 12),
            "fill",
            holds ? AMBER : RED,
            "class",
            "protection");
        y += LINE;
      }
    }
    for (String note : picture.notes()) {
      for (String line : TextLines.wrap(note, FULL_CHARS, 3)) {
        out.text("text", line, "x", str(MARGIN), "y", str(y + 12), "fill", INK, "class", "note");
        y += LINE;
      }
    }
    y += 6;
    heading(out, "Requests", REQUEST_X, y);
    heading(out, "Rules, in precedence order (first match wins)", RULE_X, y);
    heading(out, "Backends and outcomes", BACKEND_X, y);
    y += 22;
    int bottom = y;

    Map<Integer, Box> ruleBoxes = new HashMap<>();
    int ruleY = y;
    for (RuleBox rule : picture.rules()) {
      Box box = new Box(RULE_X, ruleY, RULE_W, ruleLines(rule));
      ruleBoxes.put(rule.rank(), box);
      ruleY += box.h() + GAP;
    }
    Box notFound = null;
    if (picture.requests().stream().anyMatch(r -> r.rank() == null)) {
      notFound =
          new Box(
              RULE_X,
              ruleY,
              RULE_W,
              List.of(
                  new Line("404 Not Found", true, RED),
                  new Line("no rule matches: the Gateway answers 404", false, RED)));
      ruleY += notFound.h() + GAP;
    }
    bottom = Math.max(bottom, ruleY);

    Map<String, Box> backendBoxes = new HashMap<>();
    int backendY = y;
    for (String backend : picture.backends()) {
      Box box = new Box(BACKEND_X, backendY, BACKEND_W, backendLines(backend));
      backendBoxes.put(backend, box);
      backendY += box.h() + GAP;
    }
    Map<Integer, Box> outcomeBoxes = new HashMap<>();
    TreeSet<Integer> statuses = new TreeSet<>();
    picture.rules().stream().filter(r -> r.status() != 200).forEach(r -> statuses.add(r.status()));
    for (int status : statuses) {
      Box box = new Box(BACKEND_X, backendY, BACKEND_W, outcomeLines(status));
      outcomeBoxes.put(status, box);
      backendY += box.h() + GAP;
    }
    bottom = Math.max(bottom, backendY);

    List<Box> requestBoxes = new ArrayList<>();
    int requestY = y;
    for (RequestRow request : picture.requests()) {
      Box box = new Box(REQUEST_X, requestY, REQUEST_W, requestLines(request, picture));
      requestBoxes.add(box);
      requestY += box.h() + GAP;
    }
    bottom = Math.max(bottom, requestY);

    out.open("g", "class", "edges", "fill", "none");
    for (RuleBox rule : picture.rules()) {
      Box from = ruleBoxes.get(rule.rank());
      String colour = rule.shadowed() != null ? GREY : rule.protectedTraffic() ? AMBER : BLUE;
      String dash = rule.shadowed() != null ? "6 4" : null;
      int first = 1 + conditionLines(rule).size();
      long total = rule.shares().stream().mapToLong(Share::weight).sum();
      for (int i = 0; i < rule.shares().size(); i++) {
        Share share = rule.shares().get(i);
        if (share.weight() == 0) {
          continue;
        }
        int width =
            rule.shadowed() != null ? 1 : (int) (1 + (5L * share.weight() + total / 2) / total);
        edge(
            out,
            RULE_X + RULE_W,
            from.lineY(first + i) - 4,
            backendBoxes.get(share.backend()),
            colour,
            width,
            dash,
            rule.label() + " sends " + share.percent() + " to " + share.backend());
      }
      if (rule.status() != 200) {
        edge(
            out,
            RULE_X + RULE_W,
            from.middle(),
            outcomeBoxes.get(rule.status()),
            RED,
            2,
            dash,
            rule.label() + " answers " + rule.status());
      }
    }
    for (int i = 0; i < picture.requests().size(); i++) {
      RequestRow request = picture.requests().get(i);
      Box from = requestBoxes.get(i);
      Box to = request.rank() == null ? notFound : ruleBoxes.get(request.rank());
      edge(
          out,
          REQUEST_X + REQUEST_W,
          from.middle(),
          to,
          request.rank() == null ? RED : request.protectedTraffic() ? AMBER : BLUE,
          request.protectedTraffic() ? 3 : 2,
          null,
          request.request() + " goes to " + target(request, picture));
    }
    out.close("g");

    for (int i = 0; i < picture.requests().size(); i++) {
      RequestRow request = picture.requests().get(i);
      box(
          out,
          requestBoxes.get(i),
          "request",
          request.protectedTraffic() ? "#fff4d6" : "#f4f8fc",
          request.protectedTraffic() ? AMBER : BLUE,
          request.protectedTraffic() ? 3 : 1,
          null,
          request.request() + " goes to " + target(request, picture));
    }
    for (RuleBox rule : picture.rules()) {
      boolean shadowed = rule.shadowed() != null;
      box(
          out,
          ruleBoxes.get(rule.rank()),
          shadowed ? "rule shadowed" : "rule",
          shadowed ? "#eeeeee" : rule.protectedTraffic() ? "#fff4d6" : "#ffffff",
          shadowed ? GREY : rule.protectedTraffic() ? AMBER : BLUE,
          rule.protectedTraffic() ? 3 : 1,
          shadowed ? "6 4" : null,
          "#" + rule.rank() + " " + rule.label() + ": " + rule.conditions());
    }
    if (notFound != null) {
      box(out, notFound, "outcome", "#fde8e8", RED, 2, null, "404 Not Found");
    }
    for (String backend : picture.backends()) {
      box(out, backendBoxes.get(backend), "backend", "#eef6ee", "#2d6a2d", 1, null, backend);
    }
    for (int status : statuses) {
      box(
          out,
          outcomeBoxes.get(status),
          "outcome",
          "#fde8e8",
          RED,
          2,
          null,
          outcomeLines(status).get(0).text());
    }
    out.close("g");
    return bottom;
  }

  private static void heading(SvgWriter out, String text, int x, int y) {
    out.text(
        "text",
        text,
        "x",
        str(x),
        "y",
        str(y + 12),
        "font-size",
        "13",
        "font-weight",
        "bold",
        "fill",
        INK);
  }

  private static List<String> conditionLines(RuleBox rule) {
    return TextLines.wrap(rule.conditions(), chars(RULE_W), 4);
  }

  private static List<Line> ruleLines(RuleBox rule) {
    boolean shadowed = rule.shadowed() != null;
    String ink = shadowed ? GREY : INK;
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("#" + rule.rank() + "  " + rule.label(), true, ink));
    conditionLines(rule).forEach(text -> lines.add(new Line(text, false, ink)));
    for (Share share : rule.shares()) {
      String text =
          "-> "
              + name(share.backend())
              + "  "
              + share.percent()
              + " (weight "
              + share.weight()
              + ")";
      lines.add(new Line(TextLines.wrap(text, chars(RULE_W), 1).get(0), true, ink));
    }
    if (rule.status() != 200) {
      lines.add(new Line("-> " + outcomeLines(rule.status()).get(0).text(), true, RED));
    }
    if (rule.protectedTraffic()) {
      lines.add(new Line("PROTECTED traffic", true, AMBER));
    }
    if (shadowed) {
      lines.add(new Line("SHADOWED: never reached", true, INK));
      TextLines.wrap(rule.shadowed(), chars(RULE_W), 5)
          .forEach(text -> lines.add(new Line(text, false, INK)));
    }
    for (String finding : rule.findings()) {
      boolean error = finding.contains(" error: ");
      TextLines.wrap(finding, chars(RULE_W), 3)
          .forEach(text -> lines.add(new Line(text, false, error ? RED : INK)));
    }
    return lines;
  }

  private static List<Line> requestLines(RequestRow request, RoutePicture picture) {
    List<Line> lines = new ArrayList<>();
    if (request.protectedTraffic()) {
      lines.add(new Line("PROTECTED", true, AMBER));
    }
    TextLines.wrap(request.request(), chars(REQUEST_W), 4)
        .forEach(text -> lines.add(new Line(text, false, INK)));
    lines.add(new Line("-> " + target(request, picture), true, request.rank() == null ? RED : INK));
    return lines;
  }

  private static String target(RequestRow request, RoutePicture picture) {
    if (request.rank() == null) {
      return "404: no rule matches";
    }
    RuleBox rule = picture.rules().get(request.rank() - 1);
    return "#" + rule.rank() + " " + rule.label() + ", " + request.status();
  }

  private static List<Line> backendLines(String backend) {
    int slash = backend.indexOf('/');
    int colon = backend.lastIndexOf(':');
    String namespace = backend.substring(0, slash);
    String port = colon > slash ? backend.substring(colon + 1) : "none";
    List<Line> lines = new ArrayList<>();
    TextLines.wrap(name(backend), chars(BACKEND_W), 2)
        .forEach(text -> lines.add(new Line(text, true, INK)));
    lines.add(
        new Line(
            TextLines.wrap("namespace " + namespace + ", port " + port, chars(BACKEND_W), 1).get(0),
            false,
            INK));
    return lines;
  }

  private static List<Line> outcomeLines(int status) {
    if (status == 500) {
      return List.of(
          new Line("500: no backend", true, RED),
          new Line("no backendRefs, or all weight 0", false, RED));
    }
    return List.of(
        new Line(status + ": redirect", true, RED), new Line("RequestRedirect filter", false, RED));
  }

  private static String name(String backend) {
    int slash = backend.indexOf('/');
    int colon = backend.lastIndexOf(':');
    return backend.substring(slash + 1, colon > slash ? colon : backend.length());
  }

  private static void box(
      SvgWriter out,
      Box box,
      String kind,
      String fill,
      String stroke,
      int strokeWidth,
      String dash,
      String title) {
    out.open("g", "class", kind);
    out.text("title", title);
    out.empty(
        "rect",
        "x",
        str(box.x()),
        "y",
        str(box.y()),
        "width",
        str(box.w()),
        "height",
        str(box.h()),
        "rx",
        "4",
        "fill",
        fill,
        "stroke",
        stroke,
        "stroke-width",
        str(strokeWidth),
        "stroke-dasharray",
        dash);
    for (int i = 0; i < box.lines().size(); i++) {
      Line line = box.lines().get(i);
      out.text(
          "text",
          line.text(),
          "x",
          str(box.x() + PAD),
          "y",
          str(box.lineY(i) + 4),
          "fill",
          line.colour(),
          "font-weight",
          line.bold() ? "bold" : null,
          "xml:space",
          "preserve");
    }
    out.close("g");
  }

  private static void edge(
      SvgWriter out, int x1, int y1, Box to, String colour, int width, String dash, String title) {
    int x2 = to.x() - 2;
    int y2 = to.middle();
    int mid = (x1 + x2) / 2;
    out.open(
        "path",
        "d",
        "M" + x1 + "," + y1 + " C" + mid + "," + y1 + " " + mid + "," + y2 + " " + x2 + "," + y2,
        "stroke",
        colour,
        "stroke-width",
        str(width),
        "stroke-dasharray",
        dash,
        "marker-end",
        "url(#arrow)");
    out.text("title", title);
    out.close("path");
  }

  private static String str(int value) {
    return Integer.toString(value);
  }
}
