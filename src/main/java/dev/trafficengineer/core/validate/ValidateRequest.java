package dev.trafficengineer.core.validate;

/**
 * What {@link RouteValidator} checks.
 *
 * @param yaml one or more HTTPRoute documents
 * @param expect what the user said the routes should do, or null to check them on their own
 * @param crdYaml the route CRDs the cluster runs (a CRD, {@code kubectl get crd -o yaml}, or a
 *     release's install bundle), or null for the built-in v1.6.1 standard checks
 * @param beforeCrdYaml with {@code crdYaml}, the CRDs before an upgrade: the result then lists the
 *     routes these accept and {@code crdYaml} rejects; otherwise null
 */
public record ValidateRequest(
    String yaml, Expectation expect, String crdYaml, String beforeCrdYaml) {

  public ValidateRequest(String yaml, Expectation expect) {
    this(yaml, expect, null, null);
  }
}
