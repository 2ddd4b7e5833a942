package dev.trafficengineer.cluster;

import dev.trafficengineer.core.input.InputRules;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The connection to one cluster: a fabric8 client on the JDK's HTTP client, configured as kubectl
 * is (the {@code KUBECONFIG} files, else {@code ~/.kube/config}, else the in-cluster service
 * account), with bounded waits. Creating it reads the configuration only; nothing is sent until a
 * tool is called.
 */
public final class Cluster implements AutoCloseable {
  /** Connect and per-request timeout: at 3 AM a hung call is worse than a clear error. */
  static final int TIMEOUT_MILLIS = 10_000;

  private final KubernetesClient client;
  private final List<String> namespaces;

  Cluster(KubernetesClient client) {
    this(client, List.of());
  }

  /**
   * @param namespaces the only namespaces a call may name; empty for all
   */
  Cluster(KubernetesClient client, List<String> namespaces) {
    this.client = client;
    this.namespaces = List.copyOf(namespaces);
  }

  /**
   * @param kubeconfig a kubeconfig file, or null for the usual places
   * @param context the kubeconfig context to use, or null for its current context
   */
  public static Cluster connect(String kubeconfig, String context) {
    return connect(new ClusterAccess(kubeconfig, context, null, List.of(), List.of()));
  }

  /**
   * Connects as {@code access} says. Impersonation is fabric8's (the {@code Impersonate-User} and
   * {@code Impersonate-Group} headers kubectl's {@code --as} sends): the API server's RBAC then
   * decides for that identity.
   */
  public static Cluster connect(ClusterAccess access) {
    for (String namespace : access.namespaces()) {
      InputRules.namespace("--namespace", namespace);
    }
    if (!access.groups().isEmpty() && access.user() == null) {
      throw new ClusterException(
          "BadConfig", "--as-group needs --as: the API server impersonates groups of a user");
    }
    String kubeconfig = access.kubeconfig();
    String context = access.context();
    if (kubeconfig != null && !Files.isRegularFile(Path.of(kubeconfig))) {
      // fabric8 would report it as "not a parseable Kubernetes Config", which sends people looking
      // for a syntax error in a file that is not there.
      throw new ClusterException(
          "BadConfig", "the kubeconfig file " + kubeconfig + " does not exist (--kubeconfig)");
    }
    Config base;
    try {
      base =
          kubeconfig == null
              ? Config.autoConfigure(context)
              : Config.fromKubeconfig(context, new File(kubeconfig));
    } catch (KubernetesClientException e) {
      throw new ClusterException(
          "BadConfig",
          "cannot use the kubeconfig"
              + (kubeconfig == null ? "" : " " + kubeconfig)
              + (context == null ? "" : " with context " + context)
              + ": "
              + e.getMessage());
    }
    Config config = bounded(base, TIMEOUT_MILLIS);
    if (access.user() != null) {
      config.setImpersonateUsername(access.user());
      config.setImpersonateGroups(access.groups().toArray(String[]::new));
    }
    return new Cluster(
        new KubernetesClientBuilder()
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withConfig(config)
            .build(),
        access.namespaces());
  }

  /**
   * No retries: fabric8 retries a failed request with exponential back-off by default, which turns
   * an unreachable server into minutes of silence.
   */
  static Config bounded(Config config, int timeoutMillis) {
    return new ConfigBuilder(config)
        .withConnectionTimeout(timeoutMillis)
        .withRequestTimeout(timeoutMillis)
        .withRequestRetryBackoffLimit(0)
        .build();
  }

  /** "https://host:6443 (context prod)", for the start-up line on stderr. */
  public String where() {
    Config config = client.getConfiguration();
    String context =
        config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
    return config.getMasterUrl()
        + (context == null ? "" : " (context " + context + ")")
        + (config.getImpersonateUsername() == null ? "" : " as " + config.getImpersonateUsername())
        + (namespaces.isEmpty() ? "" : ", namespaces " + String.join(", ", namespaces));
  }

  /**
   * Refuses a namespace outside the scope the server was started with, before any request is sent.
   */
  String inScope(String namespace) {
    if (!namespaces.isEmpty() && !namespaces.contains(namespace)) {
      throw new ClusterException(
          "OutOfScope",
          "namespace "
              + namespace
              + " is outside this server's scope; it was started for --namespace "
              + String.join(", ", namespaces)
              + " only. Nothing was read or changed.");
    }
    return namespace;
  }

  KubernetesClient client() {
    return client;
  }

  Resource<HTTPRoute> route(String namespace, String name) {
    return route(HTTPRoute.class, namespace, name);
  }

  <R extends HasMetadata> Resource<R> route(Class<R> type, String namespace, String name) {
    return client.resources(type).inNamespace(inScope(namespace)).withName(name);
  }

  /** The live route; a {@link ClusterException} when it is not there or cannot be read. */
  HTTPRoute read(String namespace, String name) {
    return read(LiveKind.HTTP, namespace, name);
  }

  /** The live route of {@code kind}. */
  <R extends HasMetadata> R read(LiveKind<R> kind, String namespace, String name) {
    R route;
    try {
      route = route(kind.type(), namespace, name).get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "get", kind.kind(), namespace + "/" + name);
    }
    if (route == null) {
      throw new ClusterException(
          "NotFound",
          kind.kind().kind()
              + " "
              + namespace
              + "/"
              + name
              + " does not exist (cluster_list_routes lists the routes of a namespace)");
    }
    return route;
  }

  @Override
  public void close() {
    client.close();
  }
}
