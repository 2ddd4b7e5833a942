package dev.trafficengineer.cli;

import dev.trafficengineer.core.compare.CompareRequest;
import dev.trafficengineer.core.compare.ComparisonReport;
import dev.trafficengineer.core.compare.ComparisonResult;
import dev.trafficengineer.core.compare.RouteComparison;
import dev.trafficengineer.core.crd.CrdReportText;
import dev.trafficengineer.core.crd.CrdRouteValidator;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.picture.RoutePictures;
import dev.trafficengineer.core.validate.Expectation;
import dev.trafficengineer.core.validate.FindingsReport;
import dev.trafficengineer.core.validate.ProtectExpectation;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "validate",
    description = {
      "Review HTTPRoute YAML as the API server and a careful reviewer would (tool"
          + " validate_route); with the Gateways and Services around the routes, also what the"
          + " whole configuration makes fail (TE501-TE509).",
      "Prints the findings grouped by line, with the YAML line, the problem and the fix. Exits 1"
          + " when an error is found."
    },
    footer = {
      "",
      "Examples:",
      "  traffic-engineer validate -f route.yaml",
      "  traffic-engineer validate -f gitops/clusters/prod/",
      "  traffic-engineer validate -f route.yaml --crd experimental-install.yaml",
      "  traffic-engineer validate -f routes/ --crd v1.6.1.yaml --before-crd v1.2.0.yaml",
      "  traffic-engineer validate --before main/routes/ --after pr/routes/",
      "  traffic-engineer validate --before --live --after pr/routes/ --context prod",
      "  traffic-engineer validate --live --gateway infra/shared-gateway --context prod",
      "  kubectl get httproute task-api-canary -n task-api -o yaml \\",
      "    | traffic-engineer validate -f - --namespace task-api --gateway task-api-gateway \\",
      "        --split task-api-stable=95 --split task-api-canary=5"
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE|DIR|-",
      description =
          "HTTPRoute YAML, one or more documents, with the Gateways, ReferenceGrants, Services and"
              + " EndpointSlices around them if you have them; a folder is read recursively"
              + " (*.yaml, *.yml); - reads stdin (at most 16 MiB).")
  String file;

  @Option(
      names = "--before",
      paramLabel = "FILE|DIR",
      arity = "0..1",
      fallbackValue = "",
      description =
          "With --after: review a change (tool compare_routes); findings are marked introduced,"
              + " fixed, changed (another share of traffic fails) or unchanged, and the exit code"
              + " is 1 when the change introduces an error or makes more traffic fail. --before"
              + " --live takes the cluster's current state as before (tool"
              + " cluster_compare_routes; GET and LIST only).")
  String before;

  @Option(names = "--after", paramLabel = "FILE|DIR", description = "The state after the change.")
  String after;

  @Option(
      names = "--live",
      description =
          "Check what the cluster holds for --gateway (tool cluster_check_gateway): the Gateway,"
              + " its HTTPRoutes and GRPCRoutes and their grants, Services and EndpointSlices; with"
              + " --before and --after, the cluster is before. GET and LIST only.")
  boolean live;

  @Mixin ClusterOptions cluster;

  @Option(
      names = {"-n", "--namespace"},
      description = "Expect the route in this namespace.")
  String namespace;

  @Option(
      names = "--gateway",
      description =
          "Expect a parentRef to this Gateway; with --live, NAMESPACE/NAME of the Gateway to"
              + " check.")
  String gateway;

  @Option(
      names = "--split",
      paramLabel = "SERVICE=PERCENT",
      description =
          "Expect this share for requests without special headers; repeat per Service, e.g."
              + " --split task-api-stable=95 --split task-api-canary=5.")
  List<String> split;

  @Option(
      names = "--protect",
      paramLabel = "HEADER=VALUE",
      description = "Expect requests with this header to reach only --protect-service.")
  String protect;

  @Option(names = "--protect-service", description = "The Service protected requests must reach.")
  String protectService;

  @Option(
      names = "--crd",
      paramLabel = "FILE",
      description =
          "Judge the routes by the CRD the cluster runs, as its API server would (schema,"
              + " defaults, CEL rules): the release's standard-install.yaml or"
              + " experimental-install.yaml, or kubectl get crd httproutes.gateway.networking.k8s.io"
              + " -o yaml. Without it the built-in v1.6.1 standard checks apply.")
  String crd;

  @Option(
      names = "--before-crd",
      paramLabel = "FILE",
      description =
          "With --crd: the CRDs before an upgrade; lists the routes they accept and --crd"
              + " rejects.")
  String beforeCrd;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  PictureFormat output;

  private final Streams streams;

  ValidateCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (beforeCrd != null && crd == null) {
      throw new InvalidInputException("--before-crd", beforeCrd, "goes with --crd");
    }
    if (live || before != null || after != null) {
      if (crd != null) {
        throw new InvalidInputException(
            "--crd", crd, "goes with --file; --live and --before/--after use the built-in checks");
      }
      if (output == PictureFormat.svg) {
        throw new InvalidInputException(
            "--output",
            "svg",
            "draws the routes of --file; with --live or --before/--after use text or json");
      }
      if (live && before != null) {
        return compareLive();
      }
      return live
          ? LiveRun.checkGateway(cluster, streams, output.report(), liveGateway())
          : compare();
    }
    if (file == null) {
      throw new InvalidInputException(
          "--file", null, "is required (or --before and --after to review a change)");
    }
    String yaml = InputFolder.read(file, streams.in());
    ValidateRequest request =
        new ValidateRequest(
            yaml,
            expectation(),
            crd == null ? null : InputFile.read(crd, streams.in()),
            beforeCrd == null ? null : InputFile.read(beforeCrd, streams.in()));
    ValidationResult result = CrdRouteValidator.validate(request);
    switch (output) {
      case json -> Json.print(result, streams.out());
      case svg -> streams.print(RoutePictures.svg(RoutePictures.ofValidation(request, result)));
      case text ->
          streams.printReport(
              out -> {
                try {
                  out.append(CrdReportText.render(result.crd()));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                FindingsReport.render(yaml, result, out);
              });
    }
    return result.valid() ? 0 : 1;
  }

  /** {@code --gateway NS/NAME}, which names the Gateway to read with --live. */
  private String[] liveGateway() {
    int slash = gateway == null ? -1 : gateway.indexOf('/');
    if (slash <= 0 || file != null || before != null || after != null) {
      throw new InvalidInputException(
          "--gateway",
          gateway,
          "must be NAMESPACE/NAME with --live, and --live goes without --file, --before and"
              + " --after");
    }
    return new String[] {gateway.substring(0, slash), gateway.substring(slash + 1)};
  }

  /** {@code --before --live --after NEW}: the cluster as it is, against NEW applied over it. */
  private Integer compareLive() {
    if (!before.isEmpty() || after == null || file != null || gateway != null) {
      throw new InvalidInputException(
          "--before",
          before,
          "takes no value with --live (the cluster is before) and needs --after; --file and"
              + " --gateway do not go with it");
    }
    return LiveRun.compare(
        cluster, streams, output.report(), InputFolder.read(after, streams.in()));
  }

  private Integer compare() {
    if (before == null
        || before.isEmpty()
        || after == null
        || file != null
        || expectation() != null) {
      throw new InvalidInputException(
          before == null ? "--before" : "--after",
          null,
          "--before and --after go together, without --file or expectations");
    }
    ComparisonResult result =
        RouteComparison.compare(
            new CompareRequest(
                InputFolder.read(before, streams.in()), InputFolder.read(after, streams.in())));
    streams.print(
        output == PictureFormat.json ? Json.pretty(result) : ComparisonReport.render(result));
    return result.valid() ? 0 : 1;
  }

  private Expectation expectation() {
    Map<String, Integer> shares = split == null ? null : shares(split);
    ProtectExpectation protection = protection();
    if (namespace == null && gateway == null && shares == null && protection == null) {
      return null;
    }
    return new Expectation(namespace, gateway, shares, protection);
  }

  private ProtectExpectation protection() {
    if (protect == null && protectService == null) {
      return null;
    }
    if (protect == null || protectService == null) {
      throw new InvalidInputException(
          protect == null ? "--protect" : "--protect-service",
          null,
          "is required when the other of --protect and --protect-service is given");
    }
    HeaderMatchInput header = HeaderMatchInput.parse("--protect", protect);
    return new ProtectExpectation(header.name(), header.value(), protectService);
  }

  private static Map<String, Integer> shares(List<String> entries) {
    Map<String, Integer> shares = new LinkedHashMap<>();
    for (String entry : entries) {
      int at = entry.indexOf('=');
      String percent = at < 0 ? "" : entry.substring(at + 1).trim();
      if (at <= 0 || !percent.matches("[0-9]{1,3}") || Integer.parseInt(percent) > 100) {
        throw new InvalidInputException(
            "--split", entry, "must be written SERVICE=PERCENT with a percent from 0 to 100");
      }
      shares.put(entry.substring(0, at).trim(), Integer.parseInt(percent));
    }
    return shares;
  }
}
