package dev.trafficengineer.core.crd;

/** How findings and reports name the CRD that judged a route. */
final class CrdNames {

  private CrdNames() {}

  /** {@code HTTPRoute CRD v1.6.1 standard}; without the annotations, what is known. */
  static String describe(RouteCrd crd) {
    StringBuilder name = new StringBuilder(crd.kind()).append(" CRD");
    if (crd.bundleVersion() != null) {
      name.append(' ').append(crd.bundleVersion());
    }
    if (crd.channel() != null) {
      name.append(' ').append(crd.channel());
    }
    return name.toString();
  }
}
