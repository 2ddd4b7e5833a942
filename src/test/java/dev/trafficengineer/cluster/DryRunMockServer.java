package dev.trafficengineer.cluster;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fabric8 mock API server in CRUD mode, with two things of a real API server the plain mock
 * lacks: a request with {@code dryRun=All} is answered with what would be stored and stores nothing
 * (the plain mock stores it, which would make every two-step write see its own dry run as a
 * concurrent change), and a JSON Patch whose {@code test} fails in a dry run is answered 422.
 * Requests of a method made {@link #forbid forbidden} get the API server's 403.
 */
public final class DryRunMockServer implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  private final Set<String> unserved = ConcurrentHashMap.newKeySet();
  private final List<String> impersonated = new CopyOnWriteArrayList<>();

  public DryRunMockServer() {
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), new Dispatcher(), false);
    server.init();
    client = server.createClient();
  }

  public KubernetesClient client() {
    return client;
  }

  /** Every request, as {@code METHOD path?query}, in the order received. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The identity each impersonating request asked for, as {@code user [groups]}. */
  public List<String> impersonated() {
    return List.copyOf(impersonated);
  }

  /** Answers every later request of {@code method} (e.g. {@code PATCH}) with 403 Forbidden. */
  public void forbid(String method) {
    forbidden.add(method);
  }

  /**
   * Answers every later request whose path starts with {@code prefix} with 404, as an API server
   * that does not serve that resource version (ReferenceGrant v1 before Gateway API v1.5).
   */
  public void unserve(String prefix) {
    unserved.add(prefix);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private final class Dispatcher extends KubernetesCrudDispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.add(request.getMethod() + " " + request.getPath());
      String user = request.getHeader("Impersonate-User");
      if (user != null) {
        impersonated.add(user + " " + request.getHeaders().headers("Impersonate-Group"));
      }
      if (forbidden.contains(request.getMethod())) {
        return status(
            403,
            "Forbidden",
            "httproutes.gateway.networking.k8s.io is forbidden: User \"bob\" cannot "
                + request.getMethod().toLowerCase(java.util.Locale.ROOT)
                + " resource \"httproutes\" in API group \"gateway.networking.k8s.io\"");
      }
      if (unserved.stream().anyMatch(request.getPath()::startsWith)) {
        return status(404, "NotFound", "the server could not find the requested resource");
      }
      return super.dispatch(request);
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
      if (!dryRun(request)) {
        return super.handlePatch(request);
      }
      MockResponse stored = handleGet(path(request));
      if (stored.code() != 200) {
        return stored;
      }
      JsonNode before = JSON.readTree(stored.getBody().readUtf8());
      try {
        JsonNode after = JsonPatch.apply(JSON.readTree(request.getUtf8Body()), before);
        return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(after));
      } catch (JsonPatchException e) {
        return status(422, "Invalid", "testing value failed (" + e.getMessage() + ")");
      }
    }

    @Override
    public MockResponse handleUpdate(RecordedRequest request) {
      if (!dryRun(request)) {
        return super.handleUpdate(request);
      }
      MockResponse stored = handleGet(path(request));
      // A body can be read once.
      String body = request.getUtf8Body();
      JsonNode proposed = JSON.readTree(body);
      String storedVersion =
          JSON.readTree(stored.getBody().readUtf8())
              .path("metadata")
              .path("resourceVersion")
              .asString();
      if (!storedVersion.equals(proposed.path("metadata").path("resourceVersion").asString())) {
        return status(409, "Conflict", "the object has been modified");
      }
      return new MockResponse().setResponseCode(200).setBody(body);
    }

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
      if (!dryRun(request)) {
        return super.handleCreate(request);
      }
      return new MockResponse().setResponseCode(201).setBody(request.getUtf8Body());
    }

    private static boolean dryRun(RecordedRequest request) {
      return request.getPath().contains("dryRun=All");
    }

    private static String path(RecordedRequest request) {
      String path = request.getPath();
      return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private static MockResponse status(int code, String reason, String message) {
      Status status =
          new StatusBuilder()
              .withStatus("Failure")
              .withCode(code)
              .withReason(reason)
              .withMessage(message)
              .build();
      return new MockResponse().setResponseCode(code).setBody(JSON.writeValueAsString(status));
    }
  }
}
