package dev.trafficengineer.core.crd;

/** Field paths in the API server's notation, from the JSON Pointers the findings carry. */
final class FieldPaths {

  private FieldPaths() {}

  /** {@code /spec/rules/0/matches} → {@code spec.rules[0].matches}. */
  static String dotted(String pointer) {
    StringBuilder path = new StringBuilder();
    for (String token : pointer.split("/", -1)) {
      if (token.isEmpty()) {
        continue;
      }
      String name = token.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        path.append('[').append(name).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(name);
      }
    }
    return path.toString();
  }
}
