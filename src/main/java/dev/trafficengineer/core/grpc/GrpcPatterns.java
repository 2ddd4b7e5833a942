package dev.trafficengineer.core.grpc;

import java.util.regex.Pattern;

/**
 * The GRPCRoute CRD's CEL patterns for Exact service and method matches (v1.6.1): a service is a
 * dotted protobuf name, optionally with a leading dot, matched case-insensitively; a method is one
 * identifier. Both fields are at most 1024 characters.
 */
public final class GrpcPatterns {
  public static final int MAX_LENGTH = 1024;

  /**
   * The CRD's {@code ^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$} as the API server's RE2 reads
   * it: case folding there is Unicode's simple folding, under which the long s (U+017F) folds to s
   * and the Kelvin sign (U+212A) to k; Java's ASCII or Unicode case folding would differ.
   */
  private static final Pattern SERVICE =
      Pattern.compile(
          "\\.?[A-Za-z_\u017F\u212A][A-Za-z_0-9\u017F\u212A]*"
              + "(\\.[A-Za-z_\u017F\u212A][A-Za-z_0-9\u017F\u212A]*)*");

  private static final Pattern METHOD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

  private GrpcPatterns() {}

  public static boolean service(String value) {
    return SERVICE.matcher(value).matches();
  }

  public static boolean method(String value) {
    return METHOD.matcher(value).matches();
  }
}
