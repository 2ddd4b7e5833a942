package dev.trafficengineer.core.validate;

/** Turns a JSON Pointer into the dotted path operators know from kubectl explain. */
final class FieldPath {

  private FieldPath() {}

  /** Returns {@code /spec/rules/0/backendRefs/1} as {@code spec.rules[0].backendRefs[1]}. */
  static String of(String pointer) {
    StringBuilder path = new StringBuilder(pointer.length());
    int start = 1;
    while (start <= pointer.length()) {
      int end = pointer.indexOf('/', start);
      if (end < 0) {
        end = pointer.length();
      }
      String token = pointer.substring(start, end).replace("~1", "/").replace("~0", "~");
      if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
        path.append('[').append(token).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(token);
      }
      start = end + 1;
    }
    return path.toString();
  }

  /** Returns {@code key} escaped as one JSON Pointer reference token. */
  static String token(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
