package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlLimits;
import dev.trafficengineer.core.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The route CRDs a user supplied: a CRD document, {@code kubectl get crd ... -o yaml} (also a
 * {@code List}), or a release's install bundle, from which the HTTPRoute and GRPCRoute CRDs are
 * picked and every other document is ignored.
 */
public final class RouteCrds {

  static final Set<String> KINDS = Set.of("HTTPRoute", "GRPCRoute");

  /**
   * A release bundle holds every CRD of the Gateway API (about 3 MB for v1.6 experimental) and
   * deeply nested schemas; nothing else is read with these limits.
   */
  private static final YamlLimits CRD_LIMITS =
      new YamlLimits(32 * 1024 * 1024, 8 * 1024 * 1024, 1024 * 1024, 1_000, 256, 0);

  /** Parsed and compiled CRDs by the SHA-256 of their text: a server judges many routes. */
  private static final Map<String, RouteCrds> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RouteCrds> eldest) {
              return size() > 8;
            }
          });

  private final Map<String, RouteCrd> byKind;

  private RouteCrds(Map<String, RouteCrd> byKind) {
    this.byKind = byKind;
  }

  /**
   * Reads the route CRDs of {@code yaml}.
   *
   * @throws CrdFormatException when it holds no HTTPRoute or GRPCRoute CRD, two of one kind, or a
   *     schema this validator cannot enforce
   * @throws YamlInputException when it is not YAML
   */
  public static RouteCrds parse(String yaml) {
    String key = sha256(yaml);
    RouteCrds cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    Map<String, RouteCrd> byKind = new LinkedHashMap<>();
    YamlReader.forEach(yaml, CRD_LIMITS, document -> collect(document.tree(), byKind));
    if (byKind.isEmpty()) {
      throw new CrdFormatException(
          "holds no CustomResourceDefinition of HTTPRoute or GRPCRoute (group"
              + " gateway.networking.k8s.io); pass the release's standard-install.yaml or"
              + " experimental-install.yaml, or kubectl get crd httproutes.gateway.networking.k8s.io"
              + " -o yaml");
    }
    RouteCrds crds = new RouteCrds(Map.copyOf(byKind));
    CACHE.put(key, crds);
    return crds;
  }

  private static void collect(JsonNode document, Map<String, RouteCrd> byKind) {
    if ("List".equals(document.path("kind").asString("")) || document.path("items").isArray()) {
      for (JsonNode item : document.path("items")) {
        collect(item, byKind);
      }
      return;
    }
    if (!RouteCrd.isRouteCrd(document)) {
      return;
    }
    RouteCrd crd = RouteCrd.of(document);
    if (byKind.putIfAbsent(crd.kind(), crd) != null) {
      throw new CrdFormatException(
          "holds two " + crd.kind() + " CRDs; pass the one the cluster runs");
    }
  }

  /** The CRD for routes of {@code kind}, or null when none was supplied. */
  public RouteCrd forKind(String kind) {
    return byKind.get(kind);
  }

  /** The supplied route CRDs, HTTPRoute first. */
  public List<RouteCrd> all() {
    List<RouteCrd> all = new ArrayList<>();
    for (String kind : List.of("HTTPRoute", "GRPCRoute")) {
      if (byKind.containsKey(kind)) {
        all.add(byKind.get(kind));
      }
    }
    return all;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
