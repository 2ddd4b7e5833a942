package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import java.util.List;

/**
 * Reads the one GRPCRoute a generator is asked to change, refusing what the API server would reject
 * (TE1xx) and dropping what it owns (status, server-written metadata), as {@link RouteInput} does
 * for HTTPRoutes.
 */
public final class GrpcRouteInput {
  private GrpcRouteInput() {}

  /** Whether {@code yaml} is one document of kind GRPCRoute; anything else is RouteInput's. */
  public static boolean isGrpcRoute(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      return false;
    }
    try {
      List<YamlDocument> documents = YamlReader.read(yaml);
      return documents.size() == 1
          && "GRPCRoute".equals(documents.get(0).tree().path("kind").asString(""));
    } catch (YamlInputException e) {
      return false;
    }
  }

  public static GRPCRoute single(String field, String yaml) {
    RouteValidator.validate(new ValidateRequest(yaml, null)).findings().stream()
        .filter(finding -> Finding.ERROR.equals(finding.severity()))
        .filter(finding -> finding.code().startsWith("TE1"))
        .findFirst()
        .ifPresent(
            finding -> {
              throw new InvalidInputException(
                  field,
                  "(line " + finding.line() + ", " + finding.path() + ")",
                  finding.message() + " [" + finding.code() + "] Fix: " + finding.fix());
            });
    GRPCRoute route;
    try {
      route = HttpRouteMapping.toGrpcRoute(YamlReader.read(yaml).get(0).tree());
    } catch (RouteShapeException e) {
      throw new InvalidInputException(field, "(GRPCRoute)", "cannot be read: " + e.getMessage());
    }
    if (route.getSpec() == null) {
      throw new InvalidInputException(field, "(GRPCRoute)", "has no spec");
    }
    ObjectMeta metadata = route.getMetadata();
    if (metadata == null || metadata.getName() == null || metadata.getNamespace() == null) {
      throw new InvalidInputException(
          field,
          "(GRPCRoute)",
          "needs metadata.name and metadata.namespace, so that the commands change the route"
              + " you mean and no other");
    }
    return withoutServerFields(route);
  }

  /** A copy of {@code route} without status, server-owned metadata and kubectl's last-applied. */
  public static GRPCRoute withoutServerFields(GRPCRoute route) {
    GRPCRouteBuilder builder = new GRPCRouteBuilder(route).withStatus(null);
    builder
        .editOrNewMetadata()
        .withManagedFields()
        .withUid(null)
        .withResourceVersion(null)
        .withGeneration(null)
        .withCreationTimestamp(null)
        .withSelfLink(null)
        .withAnnotations(RouteInput.withoutLastApplied(route.getMetadata().getAnnotations()))
        .endMetadata();
    return builder.build();
  }
}
