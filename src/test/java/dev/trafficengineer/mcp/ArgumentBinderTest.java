package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.DecisionRequest;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ArgumentBinder")
class ArgumentBinderTest {
  private static final List<String> REQUIRED =
      List.of("namespace", "gateway", "stableService", "canaryService", "port", "canaryWeight");

  private static Map<String, Object> canary() {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("namespace", "task-api");
    arguments.put("gateway", "task-api-gateway");
    arguments.put("stableService", "task-api-stable");
    arguments.put("canaryService", "task-api-canary");
    arguments.put("port", 8080);
    arguments.put("canaryWeight", 5);
    return arguments;
  }

  private static CanaryRequest bind(Map<String, Object> arguments) {
    return ArgumentBinder.bind(arguments, CanaryRequest.class, REQUIRED);
  }

  @Test
  @DisplayName("binds arguments, nested objects and lists to the request record")
  void bindsEverything() {
    Map<String, Object> arguments = canary();
    arguments.put("hostnames", List.of("api.example.com"));
    arguments.put("protectHeader", Map.of("name", "x-api-tier", "value", "premium"));

    CanaryRequest request = bind(arguments);

    assertThat(request.port()).isEqualTo(8080);
    assertThat(request.canaryWeight()).isEqualTo(5);
    assertThat(request.stableWeight()).isNull();
    assertThat(request.hostnames()).containsExactly("api.example.com");
    assertThat(request.protectHeader()).isEqualTo(new HeaderMatchInput("x-api-tier", "premium"));
  }

  @Test
  @DisplayName("no arguments at all bind to an empty request when nothing is required")
  void bindsNoArguments() {
    assertThat(ArgumentBinder.bind(null, DecisionRequest.class, List.of()))
        .isEqualTo(new DecisionRequest(null, null, null, null, null, null, null));
  }

  @Test
  @DisplayName("refuses an unknown argument by name and lists the known ones")
  void refusesUnknownArgument() {
    Map<String, Object> arguments = canary();
    arguments.put("weights", 5);

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("weights"))
        .hasMessageContaining("weights: 5 is not an argument")
        .hasMessageContaining("canaryWeight");
  }

  @Test
  @DisplayName("refuses an unknown field inside a nested object with its path")
  void refusesUnknownNestedField() {
    Map<String, Object> arguments = canary();
    arguments.put("protectHeader", Map.of("name", "x-api-tier", "values", "premium"));

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("protectHeader.values"));
  }

  @Test
  @DisplayName("refuses a number written as a string instead of coercing it")
  void refusesStringForInteger() {
    Map<String, Object> arguments = canary();
    arguments.put("port", "8080");

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("port: \"8080\" must be an integer");
  }

  @Test
  @DisplayName("refuses a fraction for an integer instead of truncating it")
  void refusesFractionForInteger() {
    Map<String, Object> arguments = canary();
    arguments.put("canaryWeight", 5.5);

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("canaryWeight: 5.5 must be an integer");
  }

  @Test
  @DisplayName("refuses a number where a string is expected")
  void refusesIntegerForString() {
    Map<String, Object> arguments = canary();
    arguments.put("namespace", 42);

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("namespace: 42 must be a string");
  }

  @Test
  @DisplayName("refuses a string where a list is expected, naming the list")
  void refusesStringForList() {
    Map<String, Object> arguments = canary();
    arguments.put("hostnames", "api.example.com");

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hostnames"))
        .hasMessageContaining("must be an array");
  }

  @Test
  @DisplayName("names the index of a wrong item in a list")
  void namesListIndex() {
    Map<String, Object> arguments = canary();
    arguments.put("hostnames", List.of("api.example.com", 7));

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("hostnames[1]: 7 must be a string");
  }

  @Test
  @DisplayName("refuses a string where true or false is expected")
  void refusesStringForBoolean() {
    assertThatThrownBy(
            () ->
                ArgumentBinder.bind(
                    Map.of("instantSwitch", "yes"), DecisionRequest.class, List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("instantSwitch: \"yes\" must be true or false");
  }

  @Test
  @DisplayName("refuses a missing required argument by name")
  void refusesMissingArgument() {
    Map<String, Object> arguments = canary();
    arguments.remove("gateway");

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("gateway: (missing) is required");
  }

  @Test
  @DisplayName("treats an explicit null like a missing required argument")
  void refusesNullRequiredArgument() {
    Map<String, Object> arguments = canary();
    arguments.put("port", null);

    assertThatThrownBy(() -> bind(arguments))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("port"));
  }
}
