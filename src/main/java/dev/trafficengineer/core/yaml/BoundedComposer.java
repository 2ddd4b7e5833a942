package dev.trafficengineer.core.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A composer that refuses deep nesting while it composes. snakeyaml-engine 3.1.1 has no nesting
 * limit of its own and composes collections by recursion, so 100,000 {@code [} would otherwise end
 * in a StackOverflowError.
 */
final class BoundedComposer extends Composer {

  private final int maxDepth;
  private int depth;

  BoundedComposer(LoadSettings settings, Parser parser, int maxDepth) {
    super(settings, parser);
    this.maxDepth = maxDepth;
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeMappingNode(anchor);
    } finally {
      depth--;
    }
  }

  private void enter() {
    if (++depth > maxDepth) {
      int line = parser.peekEvent().getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
      throw TreeBuilder.tooDeep(maxDepth, line);
    }
  }
}
