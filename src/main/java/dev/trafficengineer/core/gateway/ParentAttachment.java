package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether each parentRef of a route attaches, and to which listeners (gateway_types.go,
 * AllowedRoutes and Listener.Hostname; shared_types.go, ParentReference): the listeners named by
 * {@code sectionName} and {@code port} (all of them when neither is set), of those the ones whose
 * {@code allowedRoutes} admit the route's namespace and kind, of those the ones whose hostname
 * intersects the route's. A parentRef that attaches nowhere gets TE509, TE503, TE501 or TE502, in
 * that order, as the status reasons NoMatchingParent, NotAllowedByListeners and
 * NoMatchingListenerHostname tell them apart.
 */
final class ParentAttachment {

  /** Where one parentRef attaches; {@code code} is the finding when it attaches nowhere. */
  record Outcome(int parentRef, List<Attached> attached, String code) {}

  record Attached(Listener listener, List<String> hostnames) {}

  private final Map<String, List<Listener>> gateways;
  private final GatewayContext context;
  private final List<String> notes;

  ParentAttachment(
      Map<String, List<Listener>> gateways, GatewayContext context, List<String> notes) {
    this.gateways = gateways;
    this.context = context;
    this.notes = notes;
  }

  /** One outcome per parentRef to a Gateway; parentRefs to other kinds are not judged. */
  List<Outcome> of(int index, AnalyzedRoute route, List<GatewayFinding> findings) {
    String namespace = route.namespace();
    List<Outcome> outcomes = new ArrayList<>();
    List<ParentReference> parents = route.parentRefs();
    for (int p = 0; p < parents.size(); p++) {
      ParentReference parent = parents.get(p);
      if (parent == null || !toGateway(parent)) {
        continue;
      }
      String pointer = "/spec/parentRefs/" + p;
      String gateway =
          (parent.getNamespace() == null ? namespace : parent.getNamespace())
              + "/"
              + parent.getName();
      List<Listener> listeners = gateways.get(gateway);
      if (listeners == null) {
        findings.add(
            new GatewayFinding(
                index,
                Codes.NO_GATEWAY,
                "error",
                pointer,
                "parentRef " + p + " names Gateway " + gateway + ", which is not in the input.",
                "Add the Gateway "
                    + gateway
                    + " to the input (or fix the parentRef's name and"
                    + " namespace: "
                    + known()
                    + ").",
                null));
        outcomes.add(new Outcome(p, List.of(), Codes.NO_GATEWAY));
        continue;
      }
      outcomes.add(attach(index, p, parent, route, gateway, listeners, findings));
    }
    return outcomes;
  }

  private Outcome attach(
      int index,
      int p,
      ParentReference parent,
      AnalyzedRoute route,
      String gateway,
      List<Listener> listeners,
      List<GatewayFinding> findings) {
    String pointer = "/spec/parentRefs/" + p;
    List<Listener> named = new ArrayList<>();
    for (Listener listener : listeners) {
      if ((parent.getSectionName() == null || parent.getSectionName().equals(listener.name()))
          && (parent.getPort() == null || parent.getPort().equals(listener.port()))) {
        named.add(listener);
      }
    }
    if (named.isEmpty()) {
      findings.add(
          new GatewayFinding(
              index,
              Codes.NO_LISTENER,
              "error",
              pointer + (namesNoListener(parent, listeners) ? "/sectionName" : "/port"),
              "parentRef "
                  + p
                  + " asks for "
                  + selection(parent)
                  + " of Gateway "
                  + gateway
                  + ", which has no such listener ("
                  + describe(listeners)
                  + "): the route is not attached there (NoMatchingParent).",
              "Set sectionName and port to a listener of "
                  + gateway
                  + ": "
                  + describe(listeners)
                  + ".",
              1.0));
      return new Outcome(p, List.of(), Codes.NO_LISTENER);
    }
    String namespace = route.namespace();
    NamespaceSelector.Labels labels = NamespaceSelector.labels(context, namespace);
    List<Attached> attached = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    boolean hostnameOnly = false;
    List<String> routeHosts = route.hostnames();
    for (Listener listener : named) {
      String admission = admission(listener, route.kind(), namespace, labels);
      if (admission != null) {
        refused.add("listener " + listener.name() + " " + admission);
        continue;
      }
      List<String> served = HostnameIntersection.of(listener.hostname(), routeHosts);
      if (served == null) {
        hostnameOnly = true;
        refused.add("listener " + listener.name() + " serves only " + listener.hostname());
        continue;
      }
      attached.add(new Attached(listener, served));
    }
    if (!attached.isEmpty() || refused.isEmpty()) {
      return new Outcome(p, attached, null);
    }
    boolean anyAdmits =
        hostnameOnly
            && named.stream()
                .anyMatch(listener -> admission(listener, route.kind(), namespace, labels) == null);
    if (anyAdmits) {
      findings.add(
          new GatewayFinding(
              index,
              Codes.NO_HOSTNAME,
              "error",
              route.hostnames().isEmpty() ? pointer : "/spec/hostnames",
              "No hostname of the route ("
                  + String.join(", ", routeHosts)
                  + ") intersects a listener of "
                  + gateway
                  + " it may attach to: "
                  + String.join("; ", refused)
                  + ". The route serves nothing there (NoMatchingListenerHostname).",
              "Use a hostname the listener serves, or attach to a listener whose hostname covers"
                  + " the route's.",
              1.0));
      return new Outcome(p, List.of(), Codes.NO_HOSTNAME);
    }
    findings.add(
        new GatewayFinding(
            index,
            Codes.NOT_ADMITTED,
            "error",
            pointer,
            "No listener of "
                + gateway
                + " admits the route from namespace "
                + namespace
                + ": "
                + String.join("; ", refused)
                + ". The route is not attached (NotAllowedByListeners).",
            "Change the listener's allowedRoutes (namespaces.from All, or a Selector that"
                + " matches the namespace's labels; kinds including "
                + route.kind()
                + "), or attach the route to a listener that admits it.",
            1.0));
    return new Outcome(p, List.of(), Codes.NOT_ADMITTED);
  }

  /** Why {@code listener} does not admit the route, or {@code null} when it does or is unknown. */
  private String admission(
      Listener listener, String kind, String namespace, NamespaceSelector.Labels labels) {
    switch (RouteKinds.admits(listener, kind)) {
      case NO -> {
        return "admits only "
            + (listener.kinds().isEmpty()
                ? "the route kinds of protocol " + listener.protocol()
                : String.join(", ", listener.kinds()));
      }
      case UNKNOWN -> {
        note(
            "listener "
                + listener.key()
                + " has protocol "
                + listener.protocol()
                + " without allowedRoutes.kinds: which route kinds it admits is up to the"
                + " implementation; taken as admitting "
                + kind);
      }
      case YES -> {
        // Admitted by kind.
      }
    }
    switch (listener.from()) {
      case "All" -> {
        return null;
      }
      case "Selector" -> {
        NamespaceSelector.Outcome selected = NamespaceSelector.select(listener.selector(), labels);
        if (selected == NamespaceSelector.Outcome.UNKNOWN) {
          note(
              "listener "
                  + listener.key()
                  + " selects namespaces by labels and the Namespace "
                  + namespace
                  + " is not in the input: taken as admitted; add the Namespace document to"
                  + " check it");
          return null;
        }
        return selected == NamespaceSelector.Outcome.SELECTED
            ? null
            : "admits only namespaces whose labels match its selector, and "
                + namespace
                + " does not";
      }
      default -> {
        return namespace.equals(listener.gatewayNamespace())
            ? null
            : "admits only routes from its own namespace " + listener.gatewayNamespace();
      }
    }
  }

  private void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }

  private static boolean namesNoListener(ParentReference parent, List<Listener> listeners) {
    return parent.getSectionName() != null
        && listeners.stream().noneMatch(l -> parent.getSectionName().equals(l.name()));
  }

  static boolean toGateway(ParentReference parent) {
    return (parent.getGroup() == null || RouteKinds.GROUP.equals(parent.getGroup()))
        && (parent.getKind() == null || "Gateway".equals(parent.getKind()));
  }

  private String known() {
    return gateways.isEmpty() ? "none given" : "given: " + String.join(", ", gateways.keySet());
  }

  private static String selection(ParentReference parent) {
    List<String> parts = new ArrayList<>();
    if (parent.getSectionName() != null) {
      parts.add("listener " + parent.getSectionName());
    }
    if (parent.getPort() != null) {
      parts.add("port " + parent.getPort());
    }
    return String.join(" on ", parts);
  }

  private static String describe(List<Listener> listeners) {
    if (listeners.isEmpty()) {
      return "it has no listeners";
    }
    return String.join(
        ", ", listeners.stream().map(l -> l.name() + " on port " + l.port()).toList());
  }
}
