package dev.trafficengineer.core.picture;

import java.util.List;

/** The pictures as data (for a view to lay out) and as one SVG document. */
public record PictureResult(List<RoutePicture> pictures, String svg) {}
