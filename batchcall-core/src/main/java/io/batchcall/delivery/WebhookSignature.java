package io.batchcall.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, for senders and for Java receivers.
 *
 * <p>Every delivery carries the header {@value #HEADER} = {@code t=<unix seconds>,v1=<hex>}, where
 * {@code v1} is the lower-case hex HMAC-SHA256, keyed with the registration's secret (UTF-8), of
 * the bytes {@code <t> "." <raw request body>}. A receiver verifies it before parsing the body:
 *
 * <pre>{@code
 * byte[] body = exchange.getRequestBody().readAllBytes();          // the raw bytes, unparsed
 * String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
 * WebhookSignature.verify(secret, header, body, clock.instant(), Duration.ofMinutes(5)); // throws if forged
 * }</pre>
 *
 * <p>Replays: a captured request stays valid only while its timestamp is within the tolerance of
 * the receiver's clock; within that window, dedupe on {@code account} and {@code sequence} (a
 * delivery is at least once anyway). Other languages: compute the same HMAC over
 * {@code t + "." + body}, compare in constant time, and reject a {@code t} too far from now.
 * Several {@code v1} entries may appear (any one matching is enough). Thread-safe; no state.
 */
public final class WebhookSignature {
    /** The signature header's name. */
    public static final String HEADER = "Batchcall-Signature";
    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    /**
     * Signs a body at a time.
     *
     * @param secret the registration's secret
     * @param timestamp the time put in {@code t} (whole seconds are used)
     * @param body the exact bytes sent
     * @return the header value {@code t=…,v1=…}
     */
    public static String sign(String secret, Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + hex(secret, t, body);
    }

    /**
     * Verifies a delivery: the header is well formed, its timestamp is within {@code tolerance}
     * of {@code now} (either way), and one {@code v1} is the HMAC of {@code t.body} under
     * {@code secret} (compared in constant time).
     *
     * @param secret the registration's secret
     * @param header the {@value #HEADER} header's value; null is refused
     * @param body the raw request body as received
     * @param now the receiver's current time
     * @param tolerance how far the timestamp may be from {@code now}, e.g. 5 minutes
     * @throws WebhookSignatureException naming what is wrong (missing or malformed header, stale
     *     or future timestamp, no matching signature)
     */
    public static void verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(secret, "secret must not be null");
        Objects.requireNonNull(body, "body must not be null");
        if (header == null || header.isBlank()) {
            throw new WebhookSignatureException("the " + HEADER + " header is missing");
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (name.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new WebhookSignatureException("the " + HEADER + " timestamp must be whole seconds, but was '"
                            + value + "'");
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (t == null || signatures.isEmpty()) {
            throw new WebhookSignatureException("the " + HEADER + " header must hold t=<seconds>,v1=<hex>, but was '"
                    + header + "'");
        }
        long skew = Math.abs(now.getEpochSecond() - t);
        if (skew > tolerance.getSeconds()) {
            throw new WebhookSignatureException("the " + HEADER + " timestamp " + t + " is " + skew
                    + " s away from now, more than the tolerance of " + tolerance.getSeconds() + " s (a replay?)");
        }
        byte[] expected = hex(secret, t, body).getBytes(StandardCharsets.US_ASCII);
        for (String s : signatures) {
            if (MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw new WebhookSignatureException("no " + HEADER + " v1 signature matches the body under this secret");
    }

    /**
     * Like {@link #verify} but answers instead of throwing.
     *
     * @param secret the registration's secret
     * @param header the header's value, or null
     * @param body the raw request body
     * @param now the receiver's current time
     * @param tolerance how far the timestamp may be from {@code now}
     * @return whether the delivery is authentic and fresh
     */
    public static boolean isValid(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        try {
            verify(secret, header, body, now, tolerance);
            return true;
        } catch (WebhookSignatureException e) {
            return false;
        }
    }

    private static String hex(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update(Long.toString(t).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
