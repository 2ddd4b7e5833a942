package dev.trafficengineer.core.patch;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * kubectl command lines. Names are validated again here, whatever the caller did, and every
 * argument is shell-quoted: nothing in a route can make a pasted command do more than it says.
 */
public final class KubectlCommands {
  private static final JsonMapper JSON = Json.MAPPER;
  private static final String WEIGHTS_JSONPATH =
      "{range .spec.rules[*]}{range .backendRefs[*]}{.name}={.weight} {end}{\"\\n\"}{end}";
  private static final String IMAGES_JSONPATH = "{.spec.template.spec.containers[*].image}";

  private KubectlCommands() {}

  public static String applyFile(String file, boolean serverDryRun) {
    return "kubectl apply"
        + (serverDryRun ? " --dry-run=server" : "")
        + " -f "
        + ShellQuote.quote(file);
  }

  public static String jsonPatch(
      RouteKind kind,
      String namespace,
      String name,
      List<JsonPatchOperation> patch,
      boolean serverDryRun) {
    return "kubectl patch "
        + kind.resource()
        + " "
        + target(namespace, name)
        + " --type=json"
        + (serverDryRun ? " --dry-run=server" : "")
        + " -p "
        + ShellQuote.quote(JSON.writeValueAsString(patch));
  }

  /** Prints the route as the API server has it, defaults and status included. */
  public static String routeYaml(RouteKind kind, String namespace, String name) {
    return "kubectl get " + kind.resource() + " " + target(namespace, name) + " -o yaml";
  }

  /** Prints one line per rule: {@code backend=weight} for each backend. */
  public static String showWeights(RouteKind kind, String namespace, String name) {
    return "kubectl get "
        + kind.resource()
        + " "
        + target(namespace, name)
        + " -o jsonpath="
        + ShellQuote.quote(WEIGHTS_JSONPATH);
  }

  public static String deploymentImages(String namespace, String deployment) {
    return "kubectl get deployment "
        + target(namespace, deployment)
        + " -o jsonpath="
        + ShellQuote.quote(IMAGES_JSONPATH);
  }

  public static String rolloutStatus(String namespace, String deployment) {
    return "kubectl rollout status deployment/" + target(namespace, deployment);
  }

  /** {@code kind} is one of the fixed words callers pass (deployment, service), never input. */
  public static String delete(String kind, String namespace, String name) {
    return "kubectl delete " + kind + " " + target(namespace, name);
  }

  private static String target(String namespace, String name) {
    return ShellQuote.quote(InputRules.subdomain("name", name))
        + " -n "
        + ShellQuote.quote(InputRules.namespace("namespace", namespace));
  }
}
