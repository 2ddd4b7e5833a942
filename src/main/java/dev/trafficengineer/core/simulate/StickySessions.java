package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SessionPersistence;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What users actually get from a weighted rule when sessions pin them. Expected values, exact:
 * every user sends the same number of requests in the stage and sessions outlive it. Three ways a
 * user's requests spread:
 *
 * <ul>
 *   <li>no pinning: each request is split on its own, so the request shares are the weights but a
 *       user reaches a backend of weight w at least once with probability 1 − (1 − w)^R;
 *   <li>every backend pins (the rule's sessionPersistence, or a cookie or header any version sets):
 *       the first request decides, so a share w of the users get that backend for all their
 *       requests, and after a weight change returning users stay where they were;
 *   <li>only one backend pins (a sticky cookie only the canary sets): users elsewhere roll again on
 *       every request until they land on it, so after R requests 1 − (1 − w)^R of them are pinned
 *       there and it serves far more than w of the requests.
 * </ul>
 */
final class StickySessions {
  static final String NONE = "none";
  static final String SESSION_PERSISTENCE = "sessionPersistence";
  private static final Set<String> PINNING = Set.of(NONE, SESSION_PERSISTENCE, "cookie", "header");
  private static final int MAX_USERS = 1_000_000_000;
  private static final int MAX_REQUESTS_PER_USER = 1_000_000;

  private StickySessions() {}

  static SessionOutcome of(
      SessionModel model, List<RequestResult> results, List<HTTPRoute> routes) {
    if (model == null) {
      return null;
    }
    int users = bounded("sessions.users", model.users(), MAX_USERS);
    int perUser =
        bounded("sessions.requestsPerUser", model.requestsPerUser(), MAX_REQUESTS_PER_USER);
    int index = model.request() == null ? 0 : model.request();
    if (index < 0 || index >= results.size()) {
      throw new InvalidInputException(
          "sessions.request",
          index,
          "must be the index of one of the " + results.size() + " requests");
    }
    RequestResult result = results.get(index);
    if (result.route() == null || result.status() != 200 || result.backends().isEmpty()) {
      throw new InvalidInputException(
          "sessions.request",
          index,
          "gets status " + result.status() + ", not a backend: there is no split to pin");
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    result.backends().forEach(b -> weights.merge(b.name(), b.share(), Double::sum));
    HTTPRouteRule rule = rule(routes, result);
    SessionPersistence persistence = rule == null ? null : rule.getSessionPersistence();
    String pinning = pinning(model.pinning(), persistence);
    String pinTo = model.pinTo();
    if (pinTo != null && !weights.containsKey(pinTo)) {
      throw new InvalidInputException(
          "sessions.pinTo",
          pinTo,
          "is not a backend of the rule; choose one of " + weights.keySet());
    }
    if (pinTo != null && NONE.equals(pinning)) {
      throw new InvalidInputException(
          "sessions.pinTo", pinTo, "needs pinning: cookie, header or sessionPersistence, not none");
    }
    List<SessionShare> stage = stage(weights, weights, perUser, pinning, pinTo);
    List<SessionShare> returning = List.of();
    List<SessionShare> fresh = List.of();
    Map<String, Double> after = null;
    if (model.newWeights() != null) {
      after = newShares(model.newWeights(), weights.keySet());
      fresh = stage(after, after, perUser, pinning, pinTo);
      returning = afterChange(stage, fresh);
    }
    return new SessionOutcome(
        index,
        result.route(),
        result.rule(),
        pinning,
        pinTo,
        users,
        perUser,
        stage,
        returning,
        fresh,
        notes(stage, returning, after, perUser, pinning, pinTo, persistence));
  }

  private static List<SessionShare> stage(
      Map<String, Double> declared,
      Map<String, Double> w,
      int requests,
      String pinning,
      String pinTo) {
    List<SessionShare> shares = new ArrayList<>();
    double pinShare = pinTo == null ? 0 : w.get(pinTo);
    double unpinnedRequests =
        pinShare == 0 ? requests : (1 - Math.pow(1 - pinShare, requests)) / pinShare;
    for (Map.Entry<String, Double> entry : w.entrySet()) {
      double wb = entry.getValue();
      double share;
      double reached;
      double pinned;
      if (NONE.equals(pinning)) {
        share = wb;
        reached = 1 - Math.pow(1 - wb, requests);
        pinned = 0;
      } else if (pinTo == null) {
        share = wb;
        reached = wb;
        pinned = wb;
      } else if (entry.getKey().equals(pinTo)) {
        pinned = 1 - Math.pow(1 - wb, requests);
        reached = pinned;
        share = 1 - (1 - wb) * unpinnedRequests / requests;
      } else {
        share = wb * unpinnedRequests / requests;
        double a = 1 - pinShare - wb;
        reached =
            a >= 1
                ? 0
                : 1 - (pinShare * (1 - Math.pow(a, requests)) / (1 - a) + Math.pow(a, requests));
        pinned = 0;
      }
      shares.add(
          new SessionShare(entry.getKey(), declared.get(entry.getKey()), share, reached, pinned));
    }
    return shares;
  }

  /** Returning users: the pinned stay, the others are split like new users. */
  private static List<SessionShare> afterChange(
      List<SessionShare> before, List<SessionShare> fresh) {
    double pinned = before.stream().mapToDouble(SessionShare::usersPinned).sum();
    List<SessionShare> shares = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      SessionShare was = before.get(i);
      SessionShare now = fresh.get(i);
      shares.add(
          new SessionShare(
              was.backend(),
              now.declaredShare(),
              was.usersPinned() + (1 - pinned) * now.requestShare(),
              was.usersPinned() + (1 - pinned) * now.usersReached(),
              was.usersPinned() + (1 - pinned) * now.usersPinned()));
    }
    return shares;
  }

  private static List<String> notes(
      List<SessionShare> stage,
      List<SessionShare> returning,
      Map<String, Double> after,
      int requests,
      String pinning,
      String pinTo,
      SessionPersistence persistence) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "Expected values: every user sends "
            + requests
            + (requests == 1 ? " request" : " requests")
            + " in the stage, and sessions outlive it.");
    if (persistence != null) {
      notes.add(
          "The rule pins sessions (sessionPersistence"
              + (persistence.getType() == null ? "" : " type " + persistence.getType())
              + (persistence.getSessionName() == null
                  ? ""
                  : ", name " + persistence.getSessionName())
              + (persistence.getAbsoluteTimeout() == null
                  ? ", no absoluteTimeout: a session lasts as long as its client keeps it"
                  : ", absoluteTimeout " + persistence.getAbsoluteTimeout())
              + "). It is an experimental-channel field: a gateway without it ignores it, or"
              + " the API server rejects the route.");
    }
    SessionShare smallest =
        stage.stream()
            .filter(share -> share.declaredShare() > 0)
            .min(java.util.Comparator.comparingDouble(SessionShare::declaredShare))
            .orElse(stage.get(0));
    if (NONE.equals(pinning)) {
      notes.add(
          "No pinning: each request is split on its own, so "
              + smallest.backend()
              + " at "
              + percent(smallest.declaredShare())
              + " serves "
              + percent(smallest.requestShare())
              + " of the requests but reaches "
              + percent(smallest.usersReached())
              + " of the users at least once: a bug users can see reaches most of them.");
    } else if (pinTo == null) {
      notes.add(
          "Every backend pins: each user's first request decides, so "
              + percent(smallest.declaredShare())
              + " of the users get "
              + smallest.backend()
              + " for all their requests and the rest never see it.");
    } else {
      SessionShare pinned =
          stage.stream().filter(s -> s.backend().equals(pinTo)).findFirst().orElseThrow();
      notes.add(
          "Only "
              + pinTo
              + " pins: users elsewhere are split again on every request until they land on it,"
              + " so at "
              + percent(pinned.declaredShare())
              + " declared it ends the stage with "
              + percent(pinned.usersPinned())
              + " of the users pinned and serves "
              + percent(pinned.requestShare())
              + " of the requests.");
    }
    if (after != null && !NONE.equals(pinning)) {
      for (SessionShare share : returning) {
        if (Math.abs(share.requestShare() - share.declaredShare()) >= 0.005) {
          notes.add(
              "After the weight change "
                  + share.backend()
                  + " is declared "
                  + percent(share.declaredShare())
                  + " but serves "
                  + percent(share.requestShare())
                  + " of returning users' requests: pinned users stay until their sessions end,"
                  + " so a weight change (a rollback too) moves only new or unpinned users.");
        }
      }
    }
    return List.copyOf(notes);
  }

  private static String pinning(String given, SessionPersistence persistence) {
    if (given == null) {
      return persistence == null ? NONE : SESSION_PERSISTENCE;
    }
    if (!PINNING.contains(given)) {
      throw new InvalidInputException(
          "sessions.pinning", given, "must be one of none, sessionPersistence, cookie, header");
    }
    if (SESSION_PERSISTENCE.equals(given) && persistence == null) {
      throw new InvalidInputException(
          "sessions.pinning",
          given,
          "needs the rule's sessionPersistence, and this rule has none; choose cookie, header or"
              + " none");
    }
    return given;
  }

  private static Map<String, Double> newShares(Map<String, Integer> given, Set<String> backends) {
    if (!given.keySet().equals(backends)) {
      throw new InvalidInputException(
          "sessions.newWeights",
          given.keySet().toString(),
          "must give a weight to each backend of the rule and no other: " + backends);
    }
    long sum = 0;
    for (Map.Entry<String, Integer> entry : given.entrySet()) {
      Integer weight = entry.getValue();
      if (weight == null || weight < 0 || weight > 1_000_000) {
        throw new InvalidInputException(
            "sessions.newWeights." + entry.getKey(),
            weight,
            "must be a weight from 0 to 1,000,000");
      }
      sum += weight;
    }
    if (sum == 0) {
      throw new InvalidInputException(
          "sessions.newWeights", "all 0", "must give some backend a weight above 0");
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    for (String backend : backends) {
      shares.put(backend, given.get(backend) / (double) sum);
    }
    return shares;
  }

  private static HTTPRouteRule rule(List<HTTPRoute> routes, RequestResult result) {
    for (HTTPRoute route : routes) {
      String namespace =
          route.getMetadata().getNamespace() == null
              ? "default"
              : route.getMetadata().getNamespace();
      if ((namespace + "/" + route.getMetadata().getName()).equals(result.route())) {
        return route.getSpec().getRules().get(result.rule());
      }
    }
    return null;
  }

  private static int bounded(String field, Integer value, int max) {
    if (value == null) {
      throw InvalidInputException.missing(field);
    }
    if (value < 1 || value > max) {
      throw new InvalidInputException(
          field, value, "must be from 1 to " + String.format("%,d", max));
    }
    return value;
  }

  static String percent(double fraction) {
    return new BigDecimal(fraction * 100)
            .round(new MathContext(3))
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
