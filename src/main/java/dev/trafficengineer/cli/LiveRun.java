package dev.trafficengineer.cli;

import dev.trafficengineer.cluster.Cluster;
import dev.trafficengineer.cluster.ClusterException;
import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.DiffRequest;
import dev.trafficengineer.cluster.GatewayCheckRequest;
import dev.trafficengineer.cluster.GatewayReads;
import dev.trafficengineer.cluster.LiveChange;
import dev.trafficengineer.cluster.LiveCompareRequest;
import dev.trafficengineer.cluster.LiveComparison;
import dev.trafficengineer.cluster.LiveDiff;
import dev.trafficengineer.cluster.LiveGatewayCheck;
import dev.trafficengineer.cluster.LiveRollbackRequest;
import dev.trafficengineer.cluster.LiveRoute;
import dev.trafficengineer.cluster.RouteReads;
import dev.trafficengineer.cluster.RouteRequest;
import dev.trafficengineer.cluster.RouteWrites;
import dev.trafficengineer.cluster.SetWeightsRequest;
import dev.trafficengineer.cluster.WritePolicy;
import dev.trafficengineer.core.compare.ComparisonReport;
import dev.trafficengineer.core.compare.ComparisonResult;
import dev.trafficengineer.core.confirm.PlanTokens;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The live commands' work, in a class of its own: the commands are built (and reflected on by
 * picocli) for every run, this class only when a live command runs. A refusal from the cluster is
 * one line on stderr and exit code 2, like any refused input, except a route owned by a controller:
 * that is the answer "no", exit code 1.
 */
final class LiveRun {
  private static final int EXIT_NO = 1;

  private LiveRun() {}

  static int get(
      ClusterOptions options,
      Streams streams,
      ReportFormat format,
      String namespace,
      String name,
      String kind) {
    return run(
        options,
        streams,
        cluster -> {
          LiveRoute route = new RouteReads(cluster).get(new RouteRequest(namespace, name, kind));
          return format == ReportFormat.json ? Json.pretty(route) : ClusterText.of(route);
        });
  }

  /** Exit 1 when the cluster's configuration has an error, as validate does for files. */
  static int checkGateway(
      ClusterOptions options, Streams streams, ReportFormat format, String[] gateway) {
    boolean[] valid = {true};
    int code =
        run(
            options,
            streams,
            cluster -> {
              LiveGatewayCheck check =
                  new GatewayReads(cluster).check(new GatewayCheckRequest(gateway[0], gateway[1]));
              valid[0] = check.valid();
              return format == ReportFormat.json ? Json.pretty(check) : ClusterText.of(check);
            });
    return code == 0 && !valid[0] ? 1 : code;
  }

  /** Exit 1 when the change introduces an error or makes more traffic fail, as for files. */
  static int compare(ClusterOptions options, Streams streams, ReportFormat format, String after) {
    boolean[] valid = {true};
    int code =
        run(
            options,
            streams,
            cluster -> {
              ComparisonResult result =
                  new LiveComparison(cluster).compare(new LiveCompareRequest(after));
              valid[0] = result.valid();
              return format == ReportFormat.json
                  ? Json.pretty(result)
                  : ComparisonReport.render(result);
            });
    return code == 0 && !valid[0] ? 1 : code;
  }

  static int diff(ClusterOptions options, Streams streams, ReportFormat format, String yaml) {
    return run(
        options,
        streams,
        cluster -> {
          LiveDiff diff = new RouteReads(cluster).diff(new DiffRequest(yaml));
          return format == ReportFormat.json ? Json.pretty(diff) : ClusterText.of(diff);
        });
  }

  static int rollback(
      ClusterOptions options,
      Streams streams,
      ReportFormat format,
      String namespace,
      String name,
      String canaryService,
      String target,
      String to,
      String kind,
      boolean yes) {
    return change(
        options,
        streams,
        format,
        yes,
        (writes, token) ->
            writes.rollback(
                new LiveRollbackRequest(namespace, name, canaryService, target, to, token, kind),
                null));
  }

  static int setWeights(
      ClusterOptions options,
      Streams streams,
      ReportFormat format,
      String namespace,
      String name,
      Map<String, Integer> weights,
      String kind,
      boolean yes) {
    return change(
        options,
        streams,
        format,
        yes,
        (writes, token) ->
            writes.setWeights(new SetWeightsRequest(namespace, name, weights, token, kind), null));
  }

  /**
   * The same two steps as the write tools: a dry run that yields a plan token, then, with {@code
   * --yes} (the person's yes, typed), the change that token allows. The token never leaves this
   * process, so the policy lets it through alone.
   */
  private static int change(
      ClusterOptions options,
      Streams streams,
      ReportFormat format,
      boolean yes,
      BiFunction<RouteWrites, String, LiveChange> call) {
    return run(
        options,
        streams,
        cluster -> {
          RouteWrites writes =
              new RouteWrites(
                  cluster, new WritePolicy(PlanTokens.randomKey(), true, Clock.systemUTC()));
          LiveChange planned = call.apply(writes, null);
          LiveChange change =
              yes && planned.planToken() != null
                  ? call.apply(writes, planned.planToken())
                  : withoutToken(planned);
          return format == ReportFormat.json ? Json.pretty(change) : ClusterText.of(change);
        });
  }

  /** A dry run as the command line reports it: its token is of no use outside this process. */
  private static LiveChange withoutToken(LiveChange dryRun) {
    if (dryRun.planToken() == null) {
      return dryRun;
    }
    return new LiveChange(
        dryRun.kind(),
        dryRun.route(),
        dryRun.applied(),
        dryRun.method(),
        dryRun.patch(),
        dryRun.changes(),
        dryRun.fieldChanges(),
        dryRun.rules(),
        dryRun.resourceVersion(),
        dryRun.newResourceVersion(),
        dryRun.warnings(),
        dryRun.confirmation(),
        null,
        null,
        dryRun.commands(),
        dryRun.gitops(),
        "Nothing was changed: the API server checked this change as a dry run and"
            + " fieldChanges is what it would store. To apply it, run the same command with"
            + " --yes.");
  }

  private static int run(ClusterOptions options, Streams streams, Function<Cluster, String> call) {
    try (Cluster cluster = ClusterServing.connect(options)) {
      streams.print(call.apply(cluster));
      return 0;
    } catch (ClusterException e) {
      streams.printError("error: " + e.getMessage() + "\n");
      // A route its controller owns is a "no" to the change, not a usage error.
      return e.ownedByController() ? EXIT_NO : ErrorReporting.EXIT_USAGE;
    }
  }
}
