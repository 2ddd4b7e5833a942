package dev.trafficengineer.cli;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.picture.RoutePictures;
import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.simulate.Sample;
import dev.trafficengineer.core.simulate.SessionModel;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.SimulateResult;
import dev.trafficengineer.core.simulate.SimulationText;
import dev.trafficengineer.core.simulate.Simulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "simulate",
    description = {
      "Show where a request goes through HTTPRoutes, and why (tool simulate_traffic).",
      "Prints the route and rule that take it, the status, each backend's share and the"
          + " precedence reasons; --requests N --seed S adds a seeded sample of N requests."
    },
    footer = {
      "",
      "Example (where does a premium request go during the canary?):",
      "  kubectl get httproute task-api-canary -n task-api -o yaml \\",
      "    | traffic-engineer simulate -f - --path /api/tasks -H x-api-tier:premium"
    })
final class SimulateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE|DIR|-",
      description =
          "HTTPRoute (or, with --service, GRPCRoute) YAML, one or more documents; a folder is"
              + " read recursively (*.yaml, *.yml); - reads stdin (at most 16 MiB).")
  String file;

  @Option(
      names = "--path",
      description = "Request path, e.g. /api/tasks (required unless --service is given).")
  String path;

  @Option(
      names = "--method",
      description = "HTTP method (default GET); with --service, the gRPC method, e.g. Login.")
  String method;

  @Option(
      names = "--service",
      description =
          "gRPC call: the service, e.g. com.example.User; with --method, the call goes through"
              + " the file's GRPCRoutes.")
  String service;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "name:value",
      description = "Request header; repeatable.")
  List<String> headers = List.of();

  @Option(
      names = "--query",
      paramLabel = "name=value",
      description = "Query parameter; repeatable.")
  List<String> query = List.of();

  @Option(names = "--host", description = "Host; left out, the routes' hostnames are ignored.")
  String host;

  @Option(
      names = "--port",
      description =
          "Port the request arrives on; with Gateways in the input it picks the listener.")
  Integer port;

  @Option(
      names = "--requests",
      paramLabel = "N",
      description = "Also draw N requests over the weights and count them per backend.")
  Integer requests;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the sample (default 0): the same seed gives the same counts.")
  Long seed;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  PictureFormat output;

  @Option(names = "--users", description = "Session model: users in the stage.")
  Integer users;

  @Option(names = "--requests-per-user", description = "Session model: requests per user.")
  Integer requestsPerUser;

  @Option(
      names = "--pinning",
      description =
          "Session model: none, sessionPersistence, cookie or header (default: the rule's"
              + " sessionPersistence if it has one, else none).")
  String pinning;

  @Option(names = "--pin-to", description = "Session model: the only backend that pins.")
  String pinTo;

  @Option(
      names = "--new-weights",
      paramLabel = "BACKEND=W,...",
      description = "Session model: the weight change after the stage.")
  String newWeights;

  private final Streams streams;

  SimulateCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    String yaml = InputFolder.read(file, streams.in());
    RequestSpec request =
        new RequestSpec(
            path,
            method,
            pairs("header", headers, ':'),
            pairs("query", query, '='),
            host,
            service,
            port);
    if (requests == null && seed != null) {
      throw new InvalidInputException("requests", null, "is required with --seed");
    }
    Sample sample = requests == null ? null : new Sample(requests, seed);
    SimulateRequest simulate = new SimulateRequest(yaml, List.of(request), sample, sessions());
    SimulateResult result = Simulator.simulate(simulate);
    streams.print(
        switch (output) {
          case json -> Json.pretty(result);
          case svg -> RoutePictures.svg(RoutePictures.ofSimulation(simulate));
          case text -> SimulationText.of(result);
        });
    return 0;
  }

  private SessionModel sessions() {
    if (users == null
        && requestsPerUser == null
        && pinning == null
        && pinTo == null
        && newWeights == null) {
      return null;
    }
    Map<String, Integer> weights = null;
    if (newWeights != null) {
      weights = new LinkedHashMap<>();
      for (Map.Entry<String, String> entry :
          pairs("new-weights", List.of(newWeights.split(",", -1)), '=').entrySet()) {
        try {
          weights.put(entry.getKey(), Integer.valueOf(entry.getValue()));
        } catch (NumberFormatException e) {
          throw new InvalidInputException(
              "new-weights", entry.getValue(), "must be a whole number weight");
        }
      }
    }
    return new SessionModel(users, requestsPerUser, pinning, pinTo, weights, null);
  }

  /** {@code name:value} or {@code name=value}, split at the first separator. */
  private static Map<String, String> pairs(String field, List<String> given, char separator) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String text : given) {
      int at = text.indexOf(separator);
      if (at <= 0) {
        throw new InvalidInputException(field, text, "must be written name" + separator + "value");
      }
      pairs.put(text.substring(0, at).trim(), text.substring(at + 1).trim());
    }
    return pairs;
  }
}
