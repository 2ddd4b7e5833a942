package dev.trafficengineer.core.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded mutations of a route, aimed at the edges of the schema and its CEL rules: boundary
 * numbers, strings that break patterns and lengths, lists at and over their limits, typos in field
 * names, swapped enum values and filter types, filter configurations, and values of the wrong
 * shape.
 */
final class RouteMutator {

  /** One mutation: what was done, where ({@code /N} for indexes), and the mutated route. */
  record Mutant(String operator, String shape, JsonNode route) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long[] NUMBERS = {
    -1,
    0,
    1,
    2,
    99,
    100,
    101,
    300,
    301,
    302,
    303,
    304,
    307,
    308,
    309,
    1000,
    65535,
    65536,
    86400,
    999_999,
    1_000_000,
    1_000_001,
    2_147_483_647,
    2_147_483_648L
  };
  private static final double[] FLOATS = {8000.0, 1.5, 0.0, 50.0, -0.5};
  private static final String[] STRINGS = {
    "",
    "UPPER",
    "a b",
    "/",
    "/a//b",
    "/a/./b",
    "/a/../b",
    "/a%2fb",
    "/a%2Fb",
    "/a#b",
    "/a/.",
    "/a/..",
    "a",
    "-start",
    "end-",
    "a.b",
    "*.example.com",
    "*",
    "example.com.",
    "é",
    "日本語",
    "x".repeat(63),
    "x".repeat(64),
    "x".repeat(253),
    "x".repeat(254),
    "/" + "p".repeat(1023),
    "/" + "p".repeat(1024),
    "1h",
    "10s",
    "500ms",
    "1h30m",
    "0s",
    "1d",
    "100",
    "http://a.example",
    "https://b.example:8443",
    "Accept",
    "x_under",
    "name:colon",
    "v1",
    "gateway.networking.k8s.io",
    "Service",
    "Gateway",
    "core",
    "GET",
    "text/*",
    "/ok",
    "\u0000",
    "ünïcode-nämé"
  };
  private static final String[] ENUMS = {
    "Exact",
    "PathPrefix",
    "RegularExpression",
    "RequestHeaderModifier",
    "ResponseHeaderModifier",
    "RequestMirror",
    "RequestRedirect",
    "URLRewrite",
    "ExtensionRef",
    "CORS",
    "ExternalAuth",
    "ReplaceFullPath",
    "ReplacePrefixMatch",
    "GET",
    "POST",
    "FOO",
    "http",
    "https",
    "ftp",
    "Cookie",
    "Header",
    "exact",
    ""
  };
  private static final String[] FILTER_TYPES = {
    "RequestHeaderModifier",
    "ResponseHeaderModifier",
    "RequestMirror",
    "RequestRedirect",
    "URLRewrite",
    "ExtensionRef",
    "CORS",
    "ExternalAuth",
    "Unknown"
  };
  private static final int[] SIZES = {0, 1, 2, 8, 9, 16, 17, 32, 33, 64, 65};

  private final Random random;

  RouteMutator(long seed) {
    this.random = new Random(seed);
  }

  Mutant mutate(JsonNode original) {
    ObjectNode route = (ObjectNode) original.deepCopy();
    List<String> pointers = new ArrayList<>();
    collect(route, "", pointers);
    int operator = random.nextInt(8);
    String pointer = pointers.get(random.nextInt(pointers.size()));
    return switch (operator) {
      case 0 -> replace(route, pointer, "boundary-number", number());
      case 1 -> replace(route, pointer, "pattern-string", NODES.stringNode(pick(STRINGS)));
      case 2 -> resizeList(route, pointers);
      case 3 -> typo(route, pointers);
      case 4 -> replace(route, pointer, "enum-swap", NODES.stringNode(pick(ENUMS)));
      case 5 -> filter(route);
      case 6 -> remove(route, pointer);
      default -> replace(route, pointer, "shape", shape());
    };
  }

  private JsonNode number() {
    return random.nextInt(5) == 0
        ? NODES.numberNode(FLOATS[random.nextInt(FLOATS.length)])
        : NODES.numberNode(NUMBERS[random.nextInt(NUMBERS.length)]);
  }

  private JsonNode shape() {
    return switch (random.nextInt(5)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.objectNode().put("k", "v");
      case 2 -> NODES.arrayNode().add("v");
      case 3 -> NODES.booleanNode(true);
      default -> NODES.stringNode("42");
    };
  }

  private Mutant replace(ObjectNode route, String pointer, String operator, JsonNode value) {
    set(route, pointer, value);
    return new Mutant(operator, shapeOf(pointer), route);
  }

  private Mutant remove(ObjectNode route, String pointer) {
    JsonNode parent = route.at(parentOf(pointer));
    String last = lastOf(pointer);
    if (parent instanceof ObjectNode object) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    }
    return new Mutant("remove", shapeOf(pointer), route);
  }

  /** A list grown or shrunk to a size around its limits, by repeating or dropping items. */
  private Mutant resizeList(ObjectNode route, List<String> pointers) {
    List<String> lists = pointers.stream().filter(p -> route.at(p).isArray()).toList();
    if (lists.isEmpty()) {
      return new Mutant("list-size", "(no list)", route);
    }
    String pointer = lists.get(random.nextInt(lists.size()));
    ArrayNode list = (ArrayNode) route.at(pointer);
    int size = SIZES[random.nextInt(SIZES.length)];
    if (list.isEmpty() && size > 0) {
      list.add(NODES.stringNode("item"));
    }
    boolean distinct = random.nextBoolean();
    while (list.size() > size) {
      list.remove(list.size() - 1);
    }
    JsonNode first = list.isEmpty() ? null : list.get(0);
    while (list.size() < size) {
      JsonNode copy = first.deepCopy();
      if (distinct) {
        makeDistinct(copy, list.size());
      }
      list.add(copy);
    }
    return new Mutant(
        "list-size-" + size + (distinct ? "-distinct" : "-repeated"), shapeOf(pointer), route);
  }

  /** Changes the name-like fields of a copied item so that list-map keys do not collide. */
  private static void makeDistinct(JsonNode item, int index) {
    if (item instanceof ObjectNode object) {
      for (String key : List.of("name", "sectionName", "port")) {
        JsonNode value = object.get(key);
        if (value != null && value.isString()) {
          object.put(key, value.asString() + "-" + index);
        } else if (value != null && value.isNumber() && key.equals("port")) {
          object.put(key, 1 + (value.asInt() + index) % 65535);
        }
      }
    }
  }

  private Mutant typo(ObjectNode route, List<String> pointers) {
    List<String> fields =
        pointers.stream().filter(p -> !p.isEmpty() && route.at(parentOf(p)).isObject()).toList();
    String pointer = fields.get(random.nextInt(fields.size()));
    ObjectNode parent = (ObjectNode) route.at(parentOf(pointer));
    String name = lastOf(pointer).replace("~1", "/").replace("~0", "~");
    String typo =
        switch (random.nextInt(3)) {
          case 0 -> name + "s";
          case 1 -> name.length() > 1 ? name.substring(0, name.length() - 1) : name + name;
          default -> name.substring(0, 1).toUpperCase() + name.substring(1);
        };
    if (!typo.equals(name) && !parent.has(typo)) {
      JsonNode value = parent.remove(name);
      parent.set(typo, value);
    }
    return new Mutant("typo", shapeOf(pointer), route);
  }

  /** A filter of one type, with the configuration of the same or another type. */
  private Mutant filter(ObjectNode route) {
    JsonNode rules = route.path("spec").path("rules");
    if (!rules.isArray() || rules.isEmpty() || !rules.get(0).isObject()) {
      return new Mutant("filter", "(no rule)", route);
    }
    if (!(rules.get(random.nextInt(rules.size())) instanceof ObjectNode rule)) {
      return new Mutant("filter", "(no rule)", route);
    }
    JsonNode existing = rule.get("filters");
    ArrayNode filters = existing instanceof ArrayNode array ? array : rule.putArray("filters");
    String type = pick(FILTER_TYPES);
    String config = random.nextInt(4) == 0 ? pick(FILTER_TYPES) : type;
    ObjectNode filter = filters.addObject().put("type", type);
    configure(filter, config);
    return new Mutant("filter-" + type + "-with-" + config, "/spec/rules/N/filters/N", route);
  }

  private void configure(ObjectNode filter, String type) {
    switch (type) {
      case "RequestHeaderModifier", "ResponseHeaderModifier" -> {
        ObjectNode modifier =
            filter.putObject(type.substring(0, 1).toLowerCase() + type.substring(1));
        String[] verbs = {"set", "add", "remove"};
        String verb = verbs[random.nextInt(3)];
        ArrayNode list = modifier.putArray(verb);
        int count = random.nextInt(3) == 0 ? 17 : 1 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
          String name = random.nextBoolean() ? "x-h" : "x-h" + i;
          if (verb.equals("remove")) {
            list.add(name);
          } else {
            ObjectNode header = list.addObject().put("name", name);
            if (random.nextInt(4) > 0) {
              header.put("value", pick(STRINGS));
            }
          }
        }
      }
      case "RequestMirror" -> {
        ObjectNode mirror = filter.putObject("requestMirror");
        ObjectNode ref = mirror.putObject("backendRef").put("name", "mirror");
        if (random.nextBoolean()) {
          ref.put("port", NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        switch (random.nextInt(4)) {
          case 0 -> mirror.put("percent", NUMBERS[random.nextInt(NUMBERS.length)]);
          case 1 ->
              mirror
                  .putObject("fraction")
                  .put("numerator", NUMBERS[random.nextInt(NUMBERS.length)])
                  .put("denominator", NUMBERS[random.nextInt(NUMBERS.length)]);
          case 2 -> {
            mirror.put("percent", 10);
            mirror.putObject("fraction").put("numerator", 1);
          }
          default -> {}
        }
      }
      case "RequestRedirect" -> {
        ObjectNode redirect = filter.putObject("requestRedirect");
        if (random.nextBoolean()) {
          redirect.put("statusCode", NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        if (random.nextBoolean()) {
          redirect.put("scheme", pick(ENUMS));
        }
        if (random.nextBoolean()) {
          redirect.put("hostname", pick(STRINGS));
        }
        if (random.nextBoolean()) {
          redirect.put("port", NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        if (random.nextBoolean()) {
          path(redirect);
        }
      }
      case "URLRewrite" -> {
        ObjectNode rewrite = filter.putObject("urlRewrite");
        if (random.nextBoolean()) {
          rewrite.put("hostname", pick(STRINGS));
        }
        path(rewrite);
      }
      case "CORS" -> {
        ObjectNode cors = filter.putObject("cors");
        ArrayNode origins = cors.putArray("allowOrigins");
        origins.add(pick(STRINGS));
        if (random.nextBoolean()) {
          origins.add("*");
        }
        if (random.nextBoolean()) {
          cors.put("allowCredentials", random.nextBoolean());
        }
        if (random.nextBoolean()) {
          cors.put("maxAge", NUMBERS[random.nextInt(NUMBERS.length)]);
        }
        if (random.nextBoolean()) {
          cors.putArray("allowMethods").add(pick(ENUMS)).add("*");
        }
        if (random.nextBoolean()) {
          cors.putArray("allowHeaders").add(pick(STRINGS));
        }
      }
      case "ExtensionRef" ->
          filter
              .putObject("extensionRef")
              .put("group", pick(STRINGS))
              .put("kind", pick(STRINGS))
              .put("name", pick(STRINGS));
      case "ExternalAuth" ->
          filter
              .putObject("externalAuth")
              .put("protocol", "HTTP")
              .putObject("backendRef")
              .put("name", "auth");
      default -> {}
    }
  }

  private void path(ObjectNode parent) {
    String[] types = {"ReplaceFullPath", "ReplacePrefixMatch", "Other"};
    String type = types[random.nextInt(3)];
    ObjectNode path = parent.putObject("path").put("type", type);
    String field =
        random.nextInt(4) == 0
            ? (type.equals("ReplaceFullPath") ? "replacePrefixMatch" : "replaceFullPath")
            : (type.equals("ReplaceFullPath") ? "replaceFullPath" : "replacePrefixMatch");
    path.put(field, pick(STRINGS));
  }

  private static void collect(JsonNode node, String pointer, List<String> into) {
    into.add(pointer);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        collect(entry.getValue(), pointer + "/" + StructuralCheck.escape(entry.getKey()), into);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, into);
      }
    }
  }

  private static void set(ObjectNode route, String pointer, JsonNode value) {
    if (pointer.isEmpty()) {
      return;
    }
    JsonNode parent = route.at(parentOf(pointer));
    String last = lastOf(pointer);
    if (parent instanceof ObjectNode object) {
      object.set(last.replace("~1", "/").replace("~0", "~"), value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    }
  }

  static String shapeOf(String pointer) {
    return pointer.replaceAll("/[0-9]+(?=/|$)", "/N");
  }

  private static String parentOf(String pointer) {
    return pointer.substring(0, Math.max(pointer.lastIndexOf('/'), 0));
  }

  private static String lastOf(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
