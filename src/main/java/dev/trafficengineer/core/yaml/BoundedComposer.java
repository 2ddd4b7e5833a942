package dev.trafficengineer.core.yaml;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A composer that refuses deep nesting while it composes. snakeyaml-engine 3.1.1 has no nesting
 * limit of its own and composes collections by recursion, so 100,000 {@code [} would otherwise end
 * in a StackOverflowError. It also refuses a mapping value that is an alias of a collection still
 * being composed around it: merged into itself ({@code a: &d {<<: *d}}), such a mapping makes the
 * engine's merge loop forever (found by fuzzing).
 */
final class BoundedComposer extends Composer {

  private final int maxDepth;
  private final Set<Anchor> open = new HashSet<>();
  private int depth;

  BoundedComposer(LoadSettings settings, Parser parser, int maxDepth) {
    super(settings, parser);
    this.maxDepth = maxDepth;
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    enter(anchor);
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      leave(anchor);
    }
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    enter(anchor);
    try {
      return super.composeMappingNode(anchor);
    } finally {
      leave(anchor);
    }
  }

  @Override
  protected Node composeValueNode(MappingNode node) {
    Event next = parser.peekEvent();
    if (next instanceof AliasEvent alias && open.contains(alias.getAlias())) {
      int line = next.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
      throw new YamlInputException(
          "line %d: the alias *%s refers to a mapping or list that contains it"
              .formatted(line, alias.getAlias().getValue()),
          line);
    }
    return super.composeValueNode(node);
  }

  private void enter(Optional<Anchor> anchor) {
    enter();
    anchor.ifPresent(open::add);
  }

  private void leave(Optional<Anchor> anchor) {
    depth--;
    anchor.ifPresent(open::remove);
  }

  private void enter() {
    if (++depth > maxDepth) {
      int line = parser.peekEvent().getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
      throw TreeBuilder.tooDeep(maxDepth, line);
    }
  }
}
