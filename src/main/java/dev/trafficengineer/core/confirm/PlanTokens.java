package dev.trafficengineer.core.confirm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks plan tokens: HMAC-SHA256 over the route's uid and resourceVersion, a digest of
 * the exact change, the target and an expiry. A token is what the first call of a write tool
 * returns with its dry run; the second call applies only a change the token was issued for, to the
 * route as it was then, before the token expires. The claims travel in the clear beside the MAC, so
 * a refusal can say which of them no longer holds.
 */
public final class PlanTokens {
  /** Long enough to read a diff and answer a form, short enough that a stale plan is refused. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /** The shortest key accepted: the HMAC-SHA256 block of security. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final String VERSION = "te1";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  private PlanTokens(byte[] key) {
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** A key of this process only: its tokens are worthless to any other process. */
  public static PlanTokens randomKey() {
    byte[] key = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return new PlanTokens(key);
  }

  /**
   * A shared key (the content of {@code --plan-key-file}), so that replicas behind one Service
   * accept each other's tokens.
   *
   * @throws IllegalArgumentException when the key is shorter than {@link #MIN_KEY_BYTES}
   */
  public static PlanTokens sharedKey(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the plan key has "
              + key.length
              + " bytes; it must have at least "
              + MIN_KEY_BYTES
              + " (e.g. head -c 32 /dev/urandom > plan.key)");
    }
    return new PlanTokens(key);
  }

  /** The token for {@code subject}, valid until {@code now} plus {@link #LIFETIME}. */
  public String issue(PlanSubject subject, Instant now) {
    String claims =
        String.join(
            "\n",
            VERSION,
            subject.target(),
            String.valueOf(subject.uid()),
            String.valueOf(subject.resourceVersion()),
            digest(subject.change()),
            String.valueOf(now.plus(LIFETIME).getEpochSecond()));
    byte[] payload = claims.getBytes(StandardCharsets.UTF_8);
    return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
  }

  /**
   * Returns normally when {@code token} was issued by this key for exactly {@code current} and has
   * not expired at {@code now}.
   *
   * @throws PlanTokenRefusal saying which claim does not hold
   */
  public void verify(String token, PlanSubject current, Instant now) {
    byte[] payload = authentic(token);
    List<String> claims = List.of(new String(payload, StandardCharsets.UTF_8).split("\n", -1));
    if (claims.size() != 6 || !VERSION.equals(claims.get(0))) {
      throw invalid();
    }
    long expiry;
    try {
      expiry = Long.parseLong(claims.get(5));
    } catch (NumberFormatException e) {
      throw invalid();
    }
    if (now.getEpochSecond() >= expiry) {
      throw new PlanTokenRefusal(
          "TokenExpired",
          "the plan token expired at "
              + Instant.ofEpochSecond(expiry)
              + " (tokens live "
              + LIFETIME.toMinutes()
              + " minutes): call again without planToken for a fresh dry run and token");
    }
    if (!claims.get(1).equals(current.target())) {
      throw new PlanTokenRefusal(
          "TokenForAnotherTarget",
          "the plan token was issued for \""
              + claims.get(1)
              + "\", not for \""
              + current.target()
              + "\"");
    }
    if (!claims.get(2).equals(String.valueOf(current.uid()))) {
      throw new PlanTokenRefusal(
          "RouteChanged",
          "the route was deleted and created again since the plan (uid "
              + claims.get(2)
              + " then, "
              + current.uid()
              + " now): nothing was changed; call again without planToken to plan anew");
    }
    if (!claims.get(3).equals(String.valueOf(current.resourceVersion()))) {
      throw new PlanTokenRefusal(
          "RouteChanged",
          "the route changed since the plan (resourceVersion "
              + claims.get(3)
              + " then, "
              + current.resourceVersion()
              + " now): nothing was changed; call again without planToken, show the new dry"
              + " run, and ask again");
    }
    if (!claims.get(4).equals(digest(current.change()))) {
      throw new PlanTokenRefusal(
          "TokenForAnotherPatch",
          "the plan token was issued for another change than the one these arguments make:"
              + " nothing was changed; call again without planToken to plan this change");
    }
  }

  /** The payload of a token whose MAC this key made, compared in constant time. */
  private byte[] authentic(String token) {
    if (token == null) {
      throw invalid();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      throw invalid();
    }
    byte[] payload;
    byte[] given;
    try {
      payload = DECODE.decode(token.substring(0, dot));
      given = DECODE.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(mac(payload), given)) {
      throw invalid();
    }
    return payload;
  }

  private static PlanTokenRefusal invalid() {
    return new PlanTokenRefusal(
        "InvalidToken",
        "planToken is not a token this server issued (or it was altered, or the server restarted"
            + " with another key): call again without planToken for a dry run and a token");
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static String digest(String change) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(change.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
