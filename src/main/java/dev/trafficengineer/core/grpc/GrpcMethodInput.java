package dev.trafficengineer.core.grpc;

/**
 * The gRPC service and method a GRPCRoute rule matches, e.g. {@code com.example.User} and {@code
 * Login}. Either may be left out (any service, any method) but not both. {@code type} is {@code
 * Exact} (the default) or {@code RegularExpression}.
 */
public record GrpcMethodInput(String service, String method, String type) {}
