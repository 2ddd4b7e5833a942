package dev.trafficengineer.core.crd;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One {@code x-kubernetes-validations} entry, compiled once when its CRD is loaded.
 *
 * <p>The environment is standard CEL with its macros ({@code has}, {@code all}, {@code exists},
 * {@code exists_one}, {@code filter}, {@code map}) and nothing else: the Gateway API rules of
 * v1.0.0 to v1.6.1 use only those, {@code size}, {@code matches} (RE2), {@code startsWith}, {@code
 * endsWith}, {@code contains}, {@code in} and {@code duration}. A rule calling one of the
 * Kubernetes extension libraries (quantity, url, ip, cidr, strings extensions, ...) does not
 * compile here: it is reported on every route it would judge, never skipped.
 */
final class CelRule {

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();

  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

  final String rule;
  final String message;
  final String messageExpression;
  final String fieldPath;
  final String location;
  final boolean transition;
  private volatile Compiled compiled;

  /** The programs of a rule and of its messageExpression, or why the rule did not compile. */
  private record Compiled(
      CelRuntime.Program program, CelRuntime.Program messageProgram, String error) {}

  private CelRule(
      String rule, String message, String messageExpression, String fieldPath, String location) {
    this.rule = rule;
    this.message = message;
    this.messageExpression = messageExpression;
    this.fieldPath = fieldPath;
    this.location = location;
    // A transition rule compares with the stored object; a create has none, and the API server
    // skips such rules then. These are the rules naming oldSelf.
    this.transition = OLD_SELF.matcher(rule).find();
  }

  static CelRule of(JsonNode node, String location) {
    return new CelRule(
        Objects.requireNonNullElse(text(node, "rule", location), ""),
        text(node, "message", location),
        text(node, "messageExpression", location),
        text(node, "fieldPath", location),
        location);
  }

  /** A string field of the rule, or null when absent; any other value refuses the CRD. */
  private static String text(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new CrdFormatException(
          "the x-kubernetes-validations at "
              + SchemaNode.at(location)
              + " have a "
              + field
              + " that is not a string");
    }
    return value.asString();
  }

  /** Why the rule did not compile, or null when it did (or is a transition rule, never run). */
  String compileError() {
    return transition ? null : compiled().error();
  }

  /**
   * Compiles the rule the first time it is needed: a route reaches few of a CRD's 200 rules, so
   * compiling them all up front would cost a command line run seconds for nothing. Once compiled,
   * the programs are kept with the CRD (see {@link RouteCrds}).
   */
  private Compiled compiled() {
    Compiled current = compiled;
    if (current == null) {
      current = compile();
      compiled = current;
    }
    return current;
  }

  private Compiled compile() {
    CelRuntime.Program program;
    try {
      program = CEL.createProgram(CEL.compile(rule).getAst());
    } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      return new Compiled(null, null, why.lines().findFirst().orElse(why));
    }
    CelRuntime.Program messageProgram = null;
    if (messageExpression != null) {
      try {
        messageProgram = CEL.createProgram(CEL.compile(messageExpression).getAst());
      } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
        // The server refuses such a CRD; here the static message stands in for it.
        messageProgram = null;
      }
    }
    return new Compiled(program, messageProgram, null);
  }

  /**
   * Evaluates the rule with {@code self} bound to {@code value}; returns null when it holds, or the
   * message the API server would give when it does not (an evaluation error, such as a field that
   * is not there, fails the rule as it does on the server). Every step is counted against {@code
   * budget}; once it is exhausted the answer means nothing and the caller stops (see {@link
   * CelBudget}).
   */
  String check(Object value, CelBudget budget) {
    if (transition) {
      return null;
    }
    Compiled programs = compiled();
    if (programs.program() == null) {
      return "the rule " + rule + " could not be compiled here (" + programs.error() + ")";
    }
    Object result;
    try {
      result = programs.program().trace(Map.of("self", value), budget.counter());
    } catch (CelEvaluationException | RuntimeException e) {
      return rule + ": " + e.getMessage();
    }
    if (Boolean.TRUE.equals(result)) {
      return null;
    }
    if (!(result instanceof Boolean)) {
      return rule + ": the rule did not return a bool";
    }
    return failureMessage(programs.messageProgram(), value, budget);
  }

  private String failureMessage(CelRuntime.Program messageProgram, Object value, CelBudget budget) {
    if (messageProgram != null) {
      try {
        Object text = messageProgram.trace(Map.of("self", value), budget.counter());
        if (text instanceof String s && !s.isBlank()) {
          return s;
        }
      } catch (CelEvaluationException | RuntimeException e) {
        // The server falls back to the static message when messageExpression fails.
      }
    }
    return message != null ? message : "failed rule: " + rule;
  }
}
