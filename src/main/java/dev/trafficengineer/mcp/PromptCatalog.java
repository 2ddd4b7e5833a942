package dev.trafficengineer.mcp;

import java.util.List;

/**
 * Every prompt the server offers, in the order {@code prompts/list} shows them; each is the file
 * {@code prompts/<name>.md} (the repository's top-level {@code prompts/} folder, packed into the
 * jar).
 */
final class PromptCatalog {
  static final List<String> NAMES =
      List.of(
          "choose-pattern",
          "generate-canary",
          "next-stage",
          "add-premium-protection",
          "review-route",
          "rollback-now");

  private PromptCatalog() {}

  static List<PromptFile> load() {
    return NAMES.stream()
        .map(name -> "prompts/" + name + ".md")
        .map(path -> PromptFile.parse(path, ClasspathText.read(path)))
        .toList();
  }
}
