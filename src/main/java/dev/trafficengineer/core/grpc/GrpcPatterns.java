package dev.trafficengineer.core.grpc;

import java.util.regex.Pattern;

/**
 * The GRPCRoute CRD's CEL patterns for Exact service and method matches (v1.6.1): a service is a
 * dotted protobuf name, optionally with a leading dot, matched case-insensitively; a method is one
 * identifier. Both fields are at most 1024 characters.
 */
public final class GrpcPatterns {
  public static final int MAX_LENGTH = 1024;

  private static final Pattern SERVICE =
      Pattern.compile("^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$");
  private static final Pattern METHOD = Pattern.compile("^[A-Za-z_][A-Za-z_0-9]*$");

  private GrpcPatterns() {}

  public static boolean service(String value) {
    return SERVICE.matcher(value).matches();
  }

  public static boolean method(String value) {
    return METHOD.matcher(value).matches();
  }
}
