package dev.trafficengineer.core.yaml;

/**
 * Bounds on what {@link YamlReader} accepts, so that hostile or accidental input is refused before
 * it costs memory or stack.
 *
 * @param maxBytes largest input, in UTF-8 bytes
 * @param maxDocumentBytes largest single document, in UTF-8 bytes
 * @param maxScalarLength longest single value (a key or a scalar), in characters
 * @param maxDocuments most documents in one input, counting empty ones
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxAliases most alias uses, counting each expansion of an alias inside another
 */
public record YamlLimits(
    int maxBytes,
    int maxDocumentBytes,
    int maxScalarLength,
    int maxDocuments,
    int maxDepth,
    int maxAliases) {

  /**
   * Sized from the API server's own bounds, with room for bulk review. A document over 1.5 MiB is
   * an object etcd cannot store, and 256 KiB is the most all annotations of an object may hold, the
   * longest text an HTTPRoute can carry. 8 MiB in all takes the 10,000-route review (6 MB) with a
   * third to spare, and still fits twice over in a 64 MiB heap as a Java string.
   */
  public static final YamlLimits DEFAULT =
      new YamlLimits(8 * 1024 * 1024, 1536 * 1024, 256 * 1024, 10_000, 64, 100);

  public YamlLimits {
    if (maxBytes < 1
        || maxDocumentBytes < 1
        || maxScalarLength < 1
        || maxDocuments < 1
        || maxDepth < 1
        || maxAliases < 0) {
      throw new IllegalArgumentException("YAML limits must be positive: " + this);
    }
  }
}
