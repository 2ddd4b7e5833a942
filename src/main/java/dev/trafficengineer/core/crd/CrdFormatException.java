package dev.trafficengineer.core.crd;

/** A CRD input that cannot be used to judge routes: not a route CRD, or a schema it cannot read. */
public final class CrdFormatException extends RuntimeException {
  CrdFormatException(String message) {
    super(message);
  }
}
