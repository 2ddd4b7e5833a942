package dev.trafficengineer.core.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads multi-document YAML into Jackson trees with line numbers, resolving scalars as kubectl does
 * and refusing input beyond {@link YamlLimits} before it can cost much.
 */
public final class YamlReader {

  /**
   * Leaves scalar resolution to {@link GoYamlScalars}; only {@code <<} is resolved here because the
   * composer applies merge keys when it sees {@link Tag#MERGE}.
   */
  private static final Schema SCHEMA =
      new Schema() {
        private final ScalarResolver resolver =
            (value, plain) -> plain && "<<".equals(value) ? Tag.MERGE : TreeBuilder.IMPLICIT;

        @Override
        public ScalarResolver getScalarResolver() {
          return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
          return Map.of();
        }
      };

  private YamlReader() {}

  /** Reads {@code text} within {@link YamlLimits#DEFAULT}. */
  public static List<YamlDocument> read(String text) {
    return read(text, YamlLimits.DEFAULT);
  }

  /**
   * Returns the non-empty documents of {@code text}, in order.
   *
   * @throws YamlInputException when the text is empty, is not YAML, or exceeds {@code limits}
   */
  public static List<YamlDocument> read(String text, YamlLimits limits) {
    List<YamlDocument> documents = new ArrayList<>();
    forEach(text, limits, documents::add);
    return List.copyOf(documents);
  }

  /**
   * Hands each non-empty document of {@code text} to {@code each} as soon as it is read, so that a
   * caller that needs one document at a time holds one in memory, not thousands.
   *
   * @throws YamlInputException when the text is empty, is not YAML, or exceeds {@code limits}; the
   *     documents before the problem have been handed over by then
   */
  public static void forEach(String text, YamlLimits limits, Consumer<YamlDocument> each) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(limits, "limits");
    InputBounds.check(text, limits);
    LoadSettings settings = settings(limits);
    BoundedComposer composer =
        new BoundedComposer(
            settings,
            new ParserImpl(settings, new StreamReader(settings, TabSeparators.replace(text))),
            limits.maxDepth());
    TreeBuilder builder = new TreeBuilder(limits, text.length());
    int composed = 0;
    int nonEmpty = 0;
    try {
      while (composer.hasNext()) {
        Node root = composer.next();
        if (++composed > limits.maxDocuments()) {
          throw new YamlInputException(
              String.format(Locale.ROOT, "more than %,d documents", limits.maxDocuments()),
              lineOf(root));
        }
        if (!isEmpty(root)) {
          each.accept(builder.build(root, nonEmpty++));
        }
      }
    } catch (MarkedYamlEngineException e) {
      throw syntaxError(e);
    } catch (YamlEngineException e) {
      throw engineError(e, limits);
    } catch (IllegalArgumentException e) {
      // The engine checks some values (a tag with spaces, found by fuzzing) with plain
      // IllegalArgumentExceptions; they are still about the input.
      throw new YamlInputException("not valid YAML: " + e.getMessage(), 0, e);
    }
    if (nonEmpty == 0) {
      throw new YamlInputException("input is empty", 0);
    }
  }

  private static LoadSettings settings(YamlLimits limits) {
    return LoadSettings.builder()
        .setSchema(SCHEMA)
        .setAllowDuplicateKeys(false)
        // Refused by TreeBuilder instead, which can name the line.
        .setAllowNonScalarKeys(true)
        .setMaxAliasesForCollections(limits.maxAliases())
        // Sized by InputBounds already; the engine's own default (3 MB) would cut in first.
        .setCodePointLimit(limits.maxBytes())
        .setLabel("input")
        .build();
  }

  /** A document with nothing but comments or whitespace, such as the one after a trailing ---. */
  private static boolean isEmpty(Node root) {
    return root instanceof ScalarNode scalar
        && scalar.getTag().equals(TreeBuilder.IMPLICIT)
        && scalar.getScalarStyle() == ScalarStyle.PLAIN
        && scalar.getValue().isEmpty();
  }

  private static YamlInputException syntaxError(MarkedYamlEngineException e) {
    String problem = brief(e.getProblem() != null ? e.getProblem() : e.getContext());
    return e.getProblemMark()
        .or(e::getContextMark)
        .map(
            mark ->
                new YamlInputException(
                    "line %d, column %d: %s"
                        .formatted(mark.getLine() + 1, mark.getColumn() + 1, problem),
                    mark.getLine() + 1,
                    e))
        .orElseGet(() -> new YamlInputException("not valid YAML: " + problem, 0, e));
  }

  /** snakeyaml's problems sometimes end in a period or carry advice in parentheses. */
  private static String brief(String problem) {
    String text = String.valueOf(problem);
    if (text.contains("\\t(TAB)")) {
      return "a tab cannot indent YAML; use spaces";
    }
    int advice = text.indexOf(". (");
    return advice > 0 ? text.substring(0, advice) : text.replaceAll("\\.$", "");
  }

  private static YamlInputException engineError(YamlEngineException e, YamlLimits limits) {
    if (e instanceof YamlVersionException version) {
      return new YamlInputException(
          "unsupported YAML version " + version.getSpecVersion().getRepresentation(), 0, e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("aliases")) {
      return new YamlInputException(
          String.format(Locale.ROOT, "more than %,d aliases", limits.maxAliases()), 0, e);
    }
    return new YamlInputException("not valid YAML: " + message, 0, e);
  }

  private static int lineOf(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }
}
