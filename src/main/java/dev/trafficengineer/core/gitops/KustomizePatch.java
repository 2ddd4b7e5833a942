package dev.trafficengineer.core.gitops;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A kustomize {@code patches:} entry: a target (group, version, kind, name, namespace) and an
 * inline JSON 6902 patch, as kustomize documents it. Each operation is one line of JSON (which is
 * YAML too), in RFC 6902's own order of fields, so no value can be read as something else.
 */
final class KustomizePatch {
  private static final JsonMapper JSON = Json.MAPPER;

  private KustomizePatch() {}

  static String entry(
      RouteKind kind, String namespace, String name, List<JsonPatchOperation> operations) {
    StringBuilder text = new StringBuilder("patches:\n");
    text.append("- target:\n");
    text.append("    group: gateway.networking.k8s.io\n");
    text.append("    version: v1\n");
    text.append("    kind: ").append(kind.kind()).append('\n');
    text.append("    name: ").append(InputRules.subdomain("name", name)).append('\n');
    text.append("    namespace: ").append(InputRules.namespace("namespace", namespace));
    text.append('\n');
    text.append("  patch: |-\n");
    for (JsonPatchOperation operation : operations) {
      text.append("    - ").append(JSON.writeValueAsString(operation)).append('\n');
    }
    return text.toString();
  }
}
