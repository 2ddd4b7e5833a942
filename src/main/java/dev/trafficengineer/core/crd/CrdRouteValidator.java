package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.CrdReport;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reviews routes against the CRDs the cluster runs, when the caller supplies them: the API server's
 * verdict (schema, defaults, CEL rules of that exact CRD) replaces the built-in TE1xx checks for
 * the routes those CRDs cover, and every other finding (traffic, intent, context) is the built-in
 * review's. Without CRDs it is {@link RouteValidator#validate}, unchanged.
 */
public final class CrdRouteValidator {

  private CrdRouteValidator() {}

  /**
   * Returns the findings for every document of {@code request.yaml()}.
   *
   * @throws InvalidInputException when {@code crdYaml} or {@code beforeCrdYaml} holds no usable
   *     route CRD, or {@code beforeCrdYaml} comes without {@code crdYaml}
   */
  public static ValidationResult validate(ValidateRequest request) {
    if (request == null || request.crdYaml() == null) {
      if (request != null && request.beforeCrdYaml() != null) {
        throw new InvalidInputException(
            "beforeCrdYaml", "(YAML)", "needs crdYaml: the CRDs after the upgrade");
      }
      return RouteValidator.validate(request);
    }
    RouteCrds after = crds("crdYaml", request.crdYaml());
    RouteCrds before =
        request.beforeCrdYaml() == null ? null : crds("beforeCrdYaml", request.beforeCrdYaml());
    ValidationResult builtIn = RouteValidator.validate(request);
    List<YamlDocument> documents;
    try {
      documents = YamlReader.read(request.yaml() == null ? "" : request.yaml());
    } catch (YamlInputException e) {
      // Unreadable YAML: the built-in review already says so (TE101), whatever the CRD.
      return withReport(builtIn, builtIn.findings(), report(after, before, null));
    }
    boolean numbered = documents.size() > 1;
    List<Finding> findings = new ArrayList<>();
    List<Boolean> judged = new ArrayList<>();
    List<String> rejectedAfterUpgrade = before == null ? null : new ArrayList<>();
    CelBudget budget = new CelBudget();
    for (YamlDocument document : documents) {
      RouteCrd crd = after.forKind(document.tree().path("kind").asString(""));
      judged.add(crd != null);
      if (crd == null) {
        continue;
      }
      String prefix = numbered ? "/" + document.index() : "";
      List<Violation> violations = judge("crdYaml", document, crd, budget);
      for (Violation violation : violations) {
        findings.add(
            ViolationFindings.of(violation, prefix, document.lineOf(violation.pointer()), crd));
      }
      if (before != null && !violations.isEmpty() && acceptedBy(before, document, budget)) {
        rejectedAfterUpgrade.add(RouteNames.of(document, numbered));
      }
    }
    for (Finding finding : builtIn.findings()) {
      int index = documentOf(finding, numbered);
      boolean replaced =
          finding.code().startsWith("TE1")
              && (index < 0 ? judged.contains(true) : index < judged.size() && judged.get(index));
      if (!replaced) {
        findings.add(finding);
      }
    }
    findings.sort(Comparator.comparingInt(Finding::line));
    return withReport(builtIn, findings, report(after, before, rejectedAfterUpgrade));
  }

  private static boolean acceptedBy(RouteCrds crds, YamlDocument document, CelBudget budget) {
    RouteCrd crd = crds.forKind(document.tree().path("kind").asString(""));
    return crd != null && judge("beforeCrdYaml", document, crd, budget).isEmpty();
  }

  /**
   * A served version's schema is read when a route first needs it; one the validator cannot enforce
   * (oneOf, say: found by fuzzing) refuses the CRD then, naming the argument it came in.
   */
  private static List<Violation> judge(
      String field, YamlDocument document, RouteCrd crd, CelBudget budget) {
    try {
      return RouteJudge.judge(document.tree(), crd, budget);
    } catch (CrdFormatException e) {
      throw new InvalidInputException(field, "(YAML)", e.getMessage());
    }
  }

  /** The document a built-in finding is about, or -1 for the whole input. */
  private static int documentOf(Finding finding, boolean numbered) {
    if (!numbered) {
      return 0;
    }
    String path = finding.path();
    int end = path.indexOf('/', 1);
    String index = path.length() < 2 ? "" : path.substring(1, end < 0 ? path.length() : end);
    return index.isEmpty() || !index.chars().allMatch(Character::isDigit)
        ? -1
        : Integer.parseInt(index);
  }

  private static ValidationResult withReport(
      ValidationResult builtIn, List<Finding> findings, CrdReport report) {
    boolean valid = findings.stream().noneMatch(f -> Finding.ERROR.equals(f.severity()));
    return new ValidationResult(valid, findings, builtIn.context(), report);
  }

  private static CrdReport report(RouteCrds after, RouteCrds before, List<String> rejected) {
    RouteCrd first = after.all().get(0);
    RouteCrd old = before == null ? null : before.all().get(0);
    return new CrdReport(
        after.all().stream().map(RouteCrd::kind).toList(),
        first.bundleVersion(),
        first.channel(),
        old == null ? null : old.bundleVersion(),
        old == null ? null : old.channel(),
        rejected);
  }

  private static RouteCrds crds(String field, String yaml) {
    try {
      return RouteCrds.parse(yaml);
    } catch (CrdFormatException | YamlInputException e) {
      throw new InvalidInputException(field, "(YAML)", e.getMessage());
    }
  }
}
