package dev.trafficengineer.core.picture;

/**
 * A small SVG writer that always writes the same bytes for the same calls: attributes in the order
 * given, integer coordinates, {@code \n} line ends, and every text escaped for XML.
 */
final class SvgWriter {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  SvgWriter open(String element, String... attributes) {
    indent().append('<').append(element);
    attributes(attributes);
    out.append(">\n");
    depth++;
    return this;
  }

  SvgWriter close(String element) {
    depth--;
    indent().append("</").append(element).append(">\n");
    return this;
  }

  SvgWriter empty(String element, String... attributes) {
    indent().append('<').append(element);
    attributes(attributes);
    out.append("/>\n");
    return this;
  }

  SvgWriter text(String element, String text, String... attributes) {
    indent().append('<').append(element);
    attributes(attributes);
    out.append('>').append(escape(text)).append("</").append(element).append(">\n");
    return this;
  }

  SvgWriter raw(String line) {
    indent().append(line).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private StringBuilder indent() {
    return out.append("  ".repeat(depth));
  }

  /** Name, value, name, value ...; a null value leaves the attribute out. */
  private void attributes(String... attributes) {
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ')
            .append(attributes[i])
            .append("=\"")
            .append(escape(attributes[i + 1]))
            .append('"');
      }
    }
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\t') {
            escaped.append(' ');
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
