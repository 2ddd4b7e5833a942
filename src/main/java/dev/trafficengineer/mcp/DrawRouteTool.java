package dev.trafficengineer.mcp;

import dev.trafficengineer.core.picture.PictureInput;
import dev.trafficengineer.core.picture.PictureResult;
import dev.trafficengineer.core.picture.RoutePictures;

/**
 * The picture of a route for the rollout view: called by the view (visibility app), never offered
 * to the model, so its bulky SVG stays out of the conversation. The weight slider calls it with a
 * trial split.
 */
final class DrawRouteTool extends CoreTool<PictureInput, PictureResult> {
  DrawRouteTool() {
    super("draw_route", "Draw a route (rollout view)", PictureInput.class, PictureResult.class);
  }

  @Override
  String description() {
    return """
        For the rollout view: the picture of HTTPRoutes (requests, rules in precedence order, \
        backends with exact shares, shadowed rules, protected traffic, 404/500 outcomes) as data \
        and as SVG. Give yaml; optionally requests, protect {header, value, service}, and split \
        {service: weight} to try other weights on every rule that splits between those \
        services. Nothing is applied anywhere.""";
  }

  @Override
  PictureResult call(PictureInput request) {
    return RoutePictures.draw(request);
  }

  @Override
  String text(PictureResult result) {
    return result.svg();
  }
}
