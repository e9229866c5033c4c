package io.batchcall.twilio.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed with the auth token, over the
 * full URL followed by each POST parameter's name and value, parameters sorted by name (values of
 * a repeated name in the order received). Immutable and thread-safe; a {@link Mac} is made per call.
 */
public final class Signatures {
    private final SecretKeySpec key;

    public Signatures(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    public String sign(String fullUrl, Map<String, List<String>> parameters) {
        StringBuilder data = new StringBuilder(fullUrl);
        for (Map.Entry<String, List<String>> e : new TreeMap<>(parameters).entrySet()) {
            for (String value : e.getValue()) {
                data.append(e.getKey()).append(value);
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** Constant-time comparison of the expected signature with the one received. */
    public boolean matches(String fullUrl, Map<String, List<String>> parameters, String received) {
        byte[] expected = sign(fullUrl, parameters).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
    }
}
