package dev.trafficengineer.cli;

import dev.trafficengineer.cluster.Cluster;
import dev.trafficengineer.cluster.ClusterAccess;
import dev.trafficengineer.cluster.ClusterException;
import dev.trafficengineer.cluster.WritePolicy;
import dev.trafficengineer.core.confirm.PlanTokens;
import dev.trafficengineer.mcp.AuditTrail;
import dev.trafficengineer.mcp.ClusterTools;
import dev.trafficengineer.mcp.ToolSelection;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code serve --cluster} (and {@code chat --cluster}): the cluster tools with their scope,
 * identity, write policy and audit trail, and a line on stderr saying which cluster.
 */
final class ClusterServing {
  /** The options that mean nothing without {@code --cluster}. */
  static final List<String> CLUSTER_ONLY =
      List.of(
          "--allow-writes",
          "--context",
          "--kubeconfig",
          "--as",
          "--as-group",
          "--namespace",
          "--confirm",
          "--plan-key-file",
          "--audit-log");

  private ClusterServing() {}

  static ToolSelection tools(ServeCommand command, Streams streams) {
    CommandSpec spec = command.spec;
    if (!command.allowWrites) {
      for (String option : List.of("--confirm", "--plan-key-file")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new ParameterException(spec.commandLine(), option + " needs --allow-writes");
        }
      }
    }
    WritePolicy writes =
        command.allowWrites
            ? new WritePolicy(
                tokens(spec, command.planKeyFile),
                command.confirm == ConfirmMode.token,
                Clock.systemUTC())
            : null;
    return selection(
        spec,
        streams,
        command.clusterOptions,
        command.namespaces,
        writes,
        audit(spec, streams, command.auditLog, command.allowWrites),
        command.allowWrites
            ? ", writes allowed (dry run, then plan token"
                + (command.confirm == ConfirmMode.token ? " alone" : " and the person's yes")
                + ")"
            : ", read-only");
  }

  /**
   * {@code chat --cluster}: writes, when offered, are approved at the terminal (the chat's own
   * y/N), so the policy is always elicit.
   */
  static ToolSelection chatTools(
      CommandSpec spec,
      Streams streams,
      ClusterOptions options,
      List<String> namespaces,
      boolean allowWrites,
      Path auditLog) {
    return selection(
        spec,
        streams,
        options,
        namespaces,
        allowWrites ? WritePolicy.elicitWithRandomKey() : null,
        audit(spec, streams, auditLog, allowWrites),
        allowWrites ? ", each write asks y/N" : ", read-only");
  }

  private static ToolSelection selection(
      CommandSpec spec,
      Streams streams,
      ClusterOptions options,
      List<String> namespaces,
      WritePolicy writes,
      AuditTrail audit,
      String mode) {
    Cluster cluster;
    try {
      cluster = Cluster.connect(access(options, namespaces));
    } catch (ClusterException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    streams.printError("traffic-engineer: cluster tools for " + cluster.where() + mode + "\n");
    return ClusterTools.selection(cluster, writes, audit);
  }

  static Cluster connect(ClusterOptions options) {
    return Cluster.connect(access(options, List.of()));
  }

  private static ClusterAccess access(ClusterOptions options, List<String> namespaces) {
    return new ClusterAccess(
        options.kubeconfig, options.context, options.as, options.asGroups, namespaces);
  }

  private static PlanTokens tokens(CommandSpec spec, Path keyFile) {
    if (keyFile == null) {
      return PlanTokens.randomKey();
    }
    try {
      return PlanTokens.sharedKey(Files.readAllBytes(keyFile));
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read the plan key file " + keyFile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--plan-key-file: " + e.getMessage());
    }
  }

  /** The file asked for, else stderr when writes are allowed, else none. */
  private static AuditTrail audit(
      CommandSpec spec, Streams streams, Path file, boolean allowWrites) {
    if (file == null) {
      return allowWrites ? new AuditTrail(streams.err(), Clock.systemUTC()) : null;
    }
    try {
      return new AuditTrail(
          new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8),
          Clock.systemUTC());
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot open the audit log " + file + ": " + e.getMessage());
    }
  }
}
