package dev.trafficengineer.core.validate;

/** The finding codes of the catalog in DESIGN.md that this package produces. */
final class Codes {
  static final String UNREADABLE = "TE101";
  static final String KIND = "TE102";
  static final String SCHEMA = "TE103";
  static final String NAME = "TE104";
  static final String LIMIT = "TE105";
  static final String WEIGHT = "TE106";
  static final String PORT = "TE107";
  static final String PATH = "TE108";
  static final String MATCH = "TE109";
  static final String HOSTNAME = "TE110";
  static final String FILTER = "TE111";
  static final String PARENT_SECTION = "TE112";
  static final String TIMEOUT = "TE113";
  static final String ENUM = "TE114";
  static final String GRPC_METHOD = "TE115";
  static final String ALL_WEIGHTS_ZERO = "TE201";
  static final String OMITTED_WEIGHT = "TE202";
  static final String SPLIT = "TE203";
  static final String DUPLICATE_BACKEND = "TE204";
  static final String NO_BACKENDS = "TE205";
  static final String UNREACHABLE_RULE = "TE301";
  static final String UNPROTECTED = "TE302";
  static final String HEADER_CASE = "TE303";
  static final String REGEX = "TE304";
  static final String CROSS_NAMESPACE = "TE401";
  static final String NAMESPACE = "TE402";
  static final String GATEWAY = "TE403";
  static final String NO_PARENTS = "TE404";
  static final String NO_NAMESPACE = "TE405";

  private Codes() {}
}
