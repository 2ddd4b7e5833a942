package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutRequest;
import dev.trafficengineer.core.generate.RolloutStage;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.validate.ProtectExpectation;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures of routes: where requests go, which rule takes them, how each rule splits its traffic,
 * computed by the same engines that simulate and validate, and drawn as deterministic SVG.
 */
public final class RoutePictures {
  private RoutePictures() {}

  public static RoutePicture draw(PictureRequest request) {
    return PictureBuilder.draw(request);
  }

  /** The picture the view asks for, with a trial split applied first when one is given. */
  public static PictureResult draw(PictureInput input) {
    String yaml = SplitTrial.apply(input.yaml(), input.split());
    RoutePicture picture =
        draw(new PictureRequest(null, yaml, input.requests(), input.protect(), null));
    return new PictureResult(List.of(picture), svg(List.of(picture)));
  }

  /** The pictures one under the other, as one SVG document. */
  public static String svg(List<RoutePicture> pictures) {
    return PictureSvg.svg(pictures);
  }

  /** The picture of a simulation: its routes and its requests. */
  public static List<RoutePicture> ofSimulation(SimulateRequest request) {
    return List.of(draw(new PictureRequest(null, request.yaml(), request.requests(), null, null)));
  }

  /** The picture of a validation: findings next to their rules, the expected protection proved. */
  public static List<RoutePicture> ofValidation(ValidateRequest request, ValidationResult result) {
    ProtectExpectation protect = request.expect() == null ? null : request.expect().protect();
    String caption = result.valid() ? "Valid" : "Not valid: errors found";
    return List.of(
        draw(
            new PictureRequest(
                caption + " (" + result.findings().size() + " findings)",
                request.yaml(),
                null,
                protect,
                result.findings())));
  }

  /** One picture per stage of the plan, each captioned with the stage's split. */
  public static List<RoutePicture> ofPlan(RolloutRequest request, RolloutPlan plan) {
    ProtectExpectation protect =
        request.protectHeader() == null
            ? null
            : new ProtectExpectation(
                request.protectHeader().name(),
                request.protectHeader().value(),
                request.stableService());
    List<RoutePicture> pictures = new ArrayList<>();
    for (RolloutStage stage : plan.stages()) {
      String caption =
          "Stage "
              + stage.stage()
              + " of "
              + plan.stages().size()
              + ": canary "
              + stage.canaryPercent()
              + "%, stable "
              + stage.stablePercent()
              + "% ("
              + plan.route()
              + ")";
      pictures.add(draw(new PictureRequest(caption, stage.yaml(), null, protect, null)));
    }
    return List.copyOf(pictures);
  }

  /** The route as it is, then as it will be once the guarded patch is applied. */
  public static List<RoutePicture> ofRollback(RollbackRequest request, RollbackResult result) {
    if (request.routeYaml() == null || request.routeYaml().isBlank()) {
      throw new InvalidInputException(
          "routeYaml", null, "is required for a picture: the route must be given to be drawn");
    }
    RoutePicture before =
        draw(new PictureRequest("Now: " + result.route(), request.routeYaml(), null, null, null));
    if (result.patch() == null || result.patch().isEmpty()) {
      return List.of(before);
    }
    String after = PatchedRoute.apply(request.routeYaml(), result.patch());
    return List.of(
        before,
        draw(
            new PictureRequest(
                "After the patch (target " + result.target() + "): " + result.route(),
                after,
                null,
                null,
                null)));
  }
}
