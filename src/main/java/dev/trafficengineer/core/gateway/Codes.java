package dev.trafficengineer.core.gateway;

/** The cross-resource codes of the findings catalog in DESIGN.md. */
final class Codes {
  static final String NOT_ADMITTED = "TE501";
  static final String NO_HOSTNAME = "TE502";
  static final String NO_LISTENER = "TE503";
  static final String SHADOWED = "TE504";
  static final String NO_SERVICE = "TE505";
  static final String NOT_GRANTED = "TE506";
  static final String NO_ENDPOINTS = "TE507";
  static final String STATUS = "TE508";
  static final String NO_GATEWAY = "TE509";

  private Codes() {}
}
