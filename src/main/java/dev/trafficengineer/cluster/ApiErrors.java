package dev.trafficengineer.cluster;

import dev.trafficengineer.core.grpc.RouteKind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Turns a failed API call into a {@link ClusterException} that carries the API server's reason and
 * its causes, or says that the server did not answer in time.
 */
final class ApiErrors {
  private ApiErrors() {}

  static ClusterException of(KubernetesClientException e, String verb, String route) {
    return of(e, verb, RouteKind.HTTP_ROUTE, route);
  }

  /** A failed call on a route of {@code kind}: the error and the permission name its resource. */
  static ClusterException of(
      KubernetesClientException e, String verb, RouteKind kind, String route) {
    Status status = e.getStatus();
    if (e.getCode() <= 0 || unreachable(e)) {
      return new ClusterException(
          "Unreachable",
          "no answer from the API server ("
              + rootMessage(e)
              + "; every call gives up after "
              + Cluster.TIMEOUT_MILLIS / 1000
              + " s); check the kubeconfig context, the network or VPN, and retry");
    }
    String reason = reason(e.getCode(), status == null ? null : status.getReason());
    String message = status != null && status.getMessage() != null ? status.getMessage() : "";
    StringBuilder text =
        new StringBuilder(verb)
            .append(' ')
            .append(kind.resource())
            .append(' ')
            .append(route)
            .append(" refused (HTTP ");
    text.append(e.getCode()).append(')');
    if (!message.isBlank()) {
      text.append(": ").append(message);
    }
    List<StatusCause> causes =
        status == null || status.getDetails() == null ? List.of() : status.getDetails().getCauses();
    if (causes != null && !causes.isEmpty()) {
      text.append(" Causes: ")
          .append(
              causes.stream()
                  .map(cause -> cause.getField() + ": " + cause.getMessage())
                  .collect(Collectors.joining("; ")));
    }
    text.append(
        "Forbidden".equals(reason) ? missingPermission(verb, kind, route, message) : hint(reason));
    return new ClusterException(reason, text.toString());
  }

  /**
   * A failed {@code test} of a guarded patch is answered 422 by the API server; it means the route
   * changed since it was read, so it is reported as the Conflict it is.
   */
  static ClusterException ofGuardedPatch(
      KubernetesClientException e, RouteKind kind, String route) {
    String message =
        e.getStatus() == null || e.getStatus().getMessage() == null
            ? ""
            : e.getStatus().getMessage();
    if (e.getCode() == 422 && message.toLowerCase(Locale.ROOT).contains("test")) {
      return new ClusterException(
          "Conflict",
          "the guarded patch of "
              + kind.resource()
              + " "
              + route
              + " was refused as a whole, nothing changed: a test operation failed ("
              + message
              + "), so the route changed since it was read. Read it again and recompute.");
    }
    return of(e, "patch", kind, route);
  }

  /**
   * The permission the call needed, in the words of a Role rule: the identity the server authorized
   * (the kubeconfig user, or the one impersonated with {@code --as}) lacks it, or, when the API
   * server says so, the kubeconfig user may not impersonate.
   */
  static String missingPermission(String verb, RouteKind kind, String route, String message) {
    if (message.contains("impersonate")) {
      return ". The kubeconfig user may not impersonate the identity given with --as/--as-group:"
          + " it needs the verb impersonate on users (and groups) in a ClusterRole.";
    }
    int slash = route.indexOf('/');
    String namespace = slash < 0 ? route : route.substring(0, slash);
    return ". Missing permission: verb "
        + verb
        + " on resource "
        + kind.resource()
        + "s (API group gateway.networking.k8s.io) in namespace "
        + namespace
        + ". Grant it with a Role and RoleBinding, or use an identity (--as) that has it.";
  }

  private static String hint(String reason) {
    return switch (reason) {
      case "Conflict" ->
          ". The route changed since it was read: read it again (cluster_get_route) and"
              + " recompute.";
      case "Unauthorized" -> ". The kubeconfig credentials were not accepted; log in again.";
      default -> "";
    };
  }

  /**
   * The code decides where it is unambiguous (some servers and proxies put other words in the
   * status); a 409 is a Conflict unless the server says AlreadyExists.
   */
  private static String reason(int code, String given) {
    return switch (code) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 409 -> "AlreadyExists".equals(given) ? given : "Conflict";
      default -> given != null ? given : code == 422 ? "Invalid" : "HTTP" + code;
    };
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
