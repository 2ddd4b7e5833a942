package dev.trafficengineer.core.yaml;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns composed snakeyaml nodes into a Jackson tree plus the line of every node.
 *
 * <p>The composed graph shares one node for an anchor and all its aliases, so walking it expands
 * aliases; every expansion is counted, nested ones included, which is what stops a "billion laughs"
 * input after a handful of steps rather than after a billion.
 */
final class TreeBuilder {

  /** Marks scalars that carried no tag, so explicit tags such as {@code !!str 5} can win. */
  static final Tag IMPLICIT = new Tag("tag:trafficengineer.dev,2025:implicit");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final YamlLimits limits;
  private final long maxNodes;
  private final Set<Node> anchorsSeen = Collections.newSetFromMap(new IdentityHashMap<>());
  private int aliases;
  private long nodes;
  private Map<String, Integer> lines;

  /**
   * @param inputLength length of the whole input; without aliases no input yields more nodes than
   *     it has characters, so more than that means aliases or merge keys are multiplying it
   */
  TreeBuilder(YamlLimits limits, int inputLength) {
    this.limits = limits;
    this.maxNodes = inputLength + 1024L;
  }

  YamlDocument build(Node root, int index) {
    lines = new HashMap<>();
    JsonNode tree = value(root, "", 1);
    return new YamlDocument(index, tree, lines);
  }

  static YamlInputException tooDeep(int maxDepth, int line) {
    return new YamlInputException(
        String.format(Locale.ROOT, "YAML nesting deeper than %d levels at line %d", maxDepth, line),
        line);
  }

  private JsonNode value(Node node, String pointer, int depth) {
    countUse(node);
    lines.put(pointer, lineOf(node));
    if (node instanceof ScalarNode scalar) {
      checkLength(scalar);
      return scalar(scalar);
    }
    if (depth > limits.maxDepth()) {
      throw tooDeep(limits.maxDepth(), lineOf(node));
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = NODES.arrayNode(sequence.getValue().size());
      for (Node item : sequence.getValue()) {
        array.add(value(item, pointer + "/" + array.size(), depth + 1));
      }
      return array;
    }
    return mapping((MappingNode) node, pointer, depth);
  }

  private ObjectNode mapping(MappingNode mapping, String pointer, int depth) {
    ObjectNode object = NODES.objectNode();
    for (NodeTuple entry : mapping.getValue()) {
      if (!(entry.getKeyNode() instanceof ScalarNode key)) {
        throw new YamlInputException(
            "line %d: a mapping key must be a single value, not a mapping or list"
                .formatted(lineOf(entry.getKeyNode())),
            lineOf(entry.getKeyNode()));
      }
      checkLength(key);
      String name = key.getValue();
      if (object.has(name)) {
        throw new YamlInputException(
            "line %d: duplicate key \"%s\" in one mapping".formatted(lineOf(key), name),
            lineOf(key));
      }
      String child = pointer + "/" + YamlDocument.escape(name);
      object.set(name, value(entry.getValueNode(), child, depth + 1));
      // The entry's line is its key's, which differs from the value's for a nested block.
      lines.put(child, lineOf(key));
    }
    return object;
  }

  private JsonNode scalar(ScalarNode node) {
    Tag tag = node.getTag();
    String text = node.getValue();
    if (tag.equals(IMPLICIT)) {
      return node.getScalarStyle() == ScalarStyle.PLAIN
          ? GoYamlScalars.resolvePlain(text)
          : GoYamlScalars.string(text);
    }
    if (tag.equals(Tag.INT)
        || tag.equals(Tag.FLOAT)
        || tag.equals(Tag.BOOL)
        || tag.equals(Tag.NULL)) {
      return tagged(node, tag, GoYamlScalars.resolvePlain(text));
    }
    // !!str, !!binary, !!timestamp and local tags keep the text, as go-yaml v2 does.
    return GoYamlScalars.string(text);
  }

  private JsonNode tagged(ScalarNode node, Tag tag, JsonNode resolved) {
    if (tag.equals(Tag.INT) && resolved.isIntegralNumber()
        || tag.equals(Tag.BOOL) && resolved.isBoolean()
        || tag.equals(Tag.NULL) && resolved.isNull()) {
      return resolved;
    }
    if (tag.equals(Tag.FLOAT) && resolved.isNumber()) {
      return NODES.numberNode(resolved.asDouble());
    }
    String shortTag = "!!" + tag.getValue().substring(Tag.PREFIX.length());
    String kind =
        tag.equals(Tag.INT)
            ? "an integer"
            : tag.equals(Tag.FLOAT) ? "a number" : shortTag.substring(2);
    throw new YamlInputException(
        "line %d: \"%s\" is tagged %s but is not %s"
            .formatted(lineOf(node), node.getValue(), shortTag, kind),
        lineOf(node));
  }

  private void checkLength(ScalarNode node) {
    int length = node.getValue().length();
    if (length > limits.maxScalarLength()) {
      throw new YamlInputException(
          String.format(
              Locale.ROOT,
              "line %d: a value of %,d characters; the limit is %,d",
              lineOf(node),
              length,
              limits.maxScalarLength()),
          lineOf(node));
    }
  }

  private void countUse(Node node) {
    if (node.getAnchor().isPresent() && !anchorsSeen.add(node) && ++aliases > limits.maxAliases()) {
      throw new YamlInputException(
          String.format(Locale.ROOT, "more than %,d aliases", limits.maxAliases()), lineOf(node));
    }
    if (++nodes > maxNodes) {
      throw new YamlInputException(
          String.format(Locale.ROOT, "aliases expand the input to more than %,d values", maxNodes),
          0);
    }
  }

  private static int lineOf(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }
}
