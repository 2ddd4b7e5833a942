package dev.trafficengineer.core.yaml;

/**
 * Bounds on what {@link YamlReader} accepts, so that hostile or accidental input is refused before
 * it costs memory or stack.
 *
 * @param maxBytes largest input, in UTF-8 bytes
 * @param maxDocuments most documents in one input, counting empty ones
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxAliases most alias uses, counting each expansion of an alias inside another
 */
public record YamlLimits(int maxBytes, int maxDocuments, int maxDepth, int maxAliases) {

  public static final YamlLimits DEFAULT = new YamlLimits(16 * 1024 * 1024, 10_000, 64, 100);

  public YamlLimits {
    if (maxBytes < 1 || maxDocuments < 1 || maxDepth < 1 || maxAliases < 0) {
      throw new IllegalArgumentException("YAML limits must be positive: " + this);
    }
  }
}
