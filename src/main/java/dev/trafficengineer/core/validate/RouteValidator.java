package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.gateway.ContextDocuments;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlLimits;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reviews HTTPRoute YAML offline: what the API server would reject (TE1xx), what would misroute
 * traffic (TE2xx, TE3xx), what differs from the stated intent (TE4xx) and, when the input also
 * holds a Gateway or a ReferenceGrant, what the documents around the routes make fail (TE5xx).
 */
public final class RouteValidator {

  private RouteValidator() {}

  /**
   * Returns the findings for every document of {@code request.yaml()}; never throws. Paths carry
   * the document index ({@code /1/spec/...}) only when the input has several documents.
   */
  public static ValidationResult validate(ValidateRequest request) {
    List<Finding> findings = new ArrayList<>();
    ContextSummary summary = null;
    String yaml = request == null ? null : request.yaml();
    Expectation expect = request == null ? null : request.expect();
    try {
      String text = yaml == null ? "" : yaml;
      int[] documents = {0};
      if (ContextDocuments.mayHaveContext(text)) {
        summary = withContext(YamlReader.read(text), expect, findings, documents);
      } else {
        // One document at a time: thousands of routes in one input must fit a small heap, so only
        // what the precedence proofs need outlives each document's checks.
        PrecedenceCheck precedence = new PrecedenceCheck(false);
        GrpcPrecedenceCheck grpcPrecedence = new GrpcPrecedenceCheck();
        YamlReader.forEach(
            text,
            YamlLimits.DEFAULT,
            document -> {
              documents[0]++;
              Findings sink = new Findings(findings, document);
              Kind kind = judged(document, expect, sink, findings);
              if (kind == Kind.HTTP) {
                precedence.add(document.tree(), sink.forRules());
              } else if (kind == Kind.GRPC) {
                grpcPrecedence.add(document.tree(), sink);
              }
            });
        precedence.check(expect == null ? null : expect.protect());
        grpcPrecedence.check(expect == null ? null : expect.protect());
      }
      if (documents[0] == 1) {
        Findings.unnumber(findings);
      }
    } catch (YamlInputException e) {
      findings.clear();
      summary = null;
      findings.add(unreadable(e.getMessage(), e.line()));
    } catch (RuntimeException e) {
      // A defect in a check must not take the server down with it; the input is then reported
      // as unreadable rather than silently passed.
      findings.clear();
      summary = null;
      findings.add(unreadable("the validator could not process it (" + e + ")", 0));
    }
    findings.sort(Comparator.comparingInt(Finding::line));
    boolean valid = findings.stream().noneMatch(f -> Finding.ERROR.equals(f.severity()));
    return new ValidationResult(valid, findings, summary);
  }

  /**
   * With a Gateway or a ReferenceGrant in the input every document is read first: the listeners
   * decide which routes compete, and the grants which references hold.
   */
  private static ContextSummary withContext(
      List<YamlDocument> read, Expectation expect, List<Finding> findings, int[] documents) {
    documents[0] = read.size();
    CrossResourceCheck context = CrossResourceCheck.of(read);
    PrecedenceCheck precedence = new PrecedenceCheck(context != null && context.hasGateways());
    GrpcPrecedenceCheck grpcPrecedence = new GrpcPrecedenceCheck();
    for (YamlDocument document : read) {
      if (context != null && context.takes(document)) {
        continue;
      }
      Findings sink = new Findings(findings, document);
      Kind kind = judged(document, expect, sink, findings);
      if (kind == Kind.HTTP) {
        precedence.add(document.tree(), sink);
        if (context != null) {
          context.add(document.tree(), sink);
        }
      } else if (kind == Kind.GRPC) {
        grpcPrecedence.add(document.tree(), sink);
      }
    }
    precedence.check(expect == null ? null : expect.protect());
    grpcPrecedence.check(expect == null ? null : expect.protect());
    if (context == null) {
      return null;
    }
    ContextSummary summary = context.check();
    // With the namespaces' ReferenceGrants in view, TE506 says which references are not
    // permitted; the generic reminder would only repeat it, or contradict a grant given.
    findings.removeIf(finding -> Codes.CROSS_NAMESPACE.equals(finding.code()));
    return summary;
  }

  /** Which routes the API server would accept, and so take part in the proofs over traffic. */
  private enum Kind {
    HTTP,
    GRPC,
    NONE
  }

  /**
   * Checks one document on its own: whatever its shape, a defect it meets is reported on this
   * document alone, and the other documents of the input are still judged.
   */
  private static Kind judged(
      YamlDocument document, Expectation expect, Findings sink, List<Finding> findings) {
    int before = findings.size();
    try {
      boolean http = check(document.tree(), expect, sink);
      if (sink.hasSchemaErrors()) {
        return Kind.NONE;
      }
      return http
          ? Kind.HTTP
          : GrpcRouteChecks.isGrpcRoute(document.tree()) ? Kind.GRPC : Kind.NONE;
    } catch (RuntimeException e) {
      findings.subList(before, findings.size()).clear();
      sink.error(
          Codes.UNREADABLE,
          "",
          "This document: the validator could not process it ("
              + e
              + "); it is reported instead of"
              + " passed.",
          "Check the document's shape against the HTTPRoute or GRPCRoute schema.");
      return Kind.NONE;
    }
  }

  /** Returns whether the document is an HTTPRoute, so that its traffic can be reasoned about. */
  private static boolean check(JsonNode route, Expectation expect, Findings findings) {
    if (!route.isObject()) {
      findings.error(
          Codes.UNREADABLE,
          "",
          "The document is not a mapping, so it cannot be an HTTPRoute.",
          "Start the document with apiVersion, kind, metadata and spec fields.");
      return false;
    }
    if (GrpcRouteChecks.isGrpcRoute(route)) {
      GrpcRouteChecks.check(route, expect, findings);
      return false;
    }
    if (!KindCheck.check(route, findings)) {
      return false;
    }
    SchemaCheck.check(route, findings);
    NameCheck.check(route, findings);
    LimitCheck.check(route, findings);
    ParentRefCheck.check(route, findings);
    HostnameCheck.check(route, findings);
    MatchCheck.check(route, findings);
    FilterCheck.check(route, findings);
    BackendRefCheck.check(route, findings);
    WeightCheck.check(route, findings);
    TimeoutCheck.check(route, findings);
    if (expect != null) {
      IntentCheck.check(route, expect, findings);
    }
    return true;
  }

  private static Finding unreadable(String problem, int line) {
    return new Finding(
        Codes.UNREADABLE,
        Finding.ERROR,
        "",
        Math.max(line, 0),
        "The input cannot be read as HTTPRoute YAML: " + problem + ".",
        "Pass plain YAML: one or more HTTPRoute documents separated by ---, without aliases, tabs"
            + " or duplicate keys, within the size and nesting limits.");
  }
}
