package dev.trafficengineer.core.crd;

import dev.cel.runtime.CelEvaluationListener;
import java.util.Locale;

/**
 * How much CEL one validation may evaluate. The CRD comes from the user (a file, {@code crdYaml}),
 * so a rule may be made to cost anything: {@code self.all(x, self.all(y, ...))} over a list of
 * 3,000 items ran 14 s, over 30,000 it would run for hours. The API server bounds rules by an
 * estimated and an actual cost (1,000,000 per rule, 10,000,000 per object, in its own units); here
 * evaluation steps (every evaluated node of a rule's expression) are counted instead, per document
 * and per call, and evaluation stops at either bound. A document it stops on is not judged: it gets
 * an error saying so, never a pass.
 */
final class CelBudget {
  /**
   * Steps for one document: the Gateway API rules take about 700 on the lesson's combined route.
   */
  static final long PER_DOCUMENT = 10_000_000L;

  /** Steps for a whole call, whatever the number of documents (a few seconds of evaluation). */
  static final long PER_CALL = 50_000_000L;

  private final long perDocument;
  private final long perCall;
  private long document;
  private long call;
  private final CelEvaluationListener counter = (expression, value) -> step();

  CelBudget() {
    this(PER_DOCUMENT, PER_CALL);
  }

  CelBudget(long perDocument, long perCall) {
    this.perDocument = perDocument;
    this.perCall = perCall;
  }

  /** Starts counting a new document's steps. */
  void startDocument() {
    document = 0;
  }

  /** Whether evaluation has stopped, for this document or for the whole call. */
  boolean exhausted() {
    return document > perDocument || call > perCall;
  }

  /** Steps taken so far in the whole call. */
  long used() {
    return call;
  }

  /** The listener a program is traced with: it counts, and stops evaluation at the bound. */
  CelEvaluationListener counter() {
    return counter;
  }

  /** Why a document was not judged, as its finding says it. */
  String reason() {
    return call > perCall
        ? String.format(
            Locale.ROOT,
            "CEL evaluation stopped: the rules of this input took more than %,d steps in all, the"
                + " bound traffic-engineer sets on one call",
            perCall)
        : String.format(
            Locale.ROOT,
            "CEL evaluation stopped: the rules took more than %,d steps on this document, the bound"
                + " traffic-engineer sets on one route (the API server bounds a rule at a cost of"
                + " 1,000,000 and an object at 10,000,000, in its own units)",
            perDocument);
  }

  private void step() {
    call++;
    document++;
    if (exhausted()) {
      throw new Exhausted();
    }
  }

  /** Thrown out of the evaluation by {@link #counter()}; the interpreter wraps it. */
  private static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted() {
      super("evaluation budget exhausted", null, false, false);
    }
  }
}
