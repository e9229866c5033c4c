package io.batchcall.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks on what a host registers: an endpoint URL and a signing secret. Pure; every refusal
 * is an {@link IllegalArgumentException} naming the problem and the value.
 */
public final class WebhookUrls {
    private WebhookUrls() {
    }

    /**
     * Checks a webhook endpoint: an absolute {@code https} URL with a host, or {@code http} only on
     * a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) for local receivers;
     * no user-info (credentials belong in the secret, not the URL), no fragment, at most 2000
     * characters.
     *
     * @param url the URL as the host gave it
     * @return the URL, parsed
     * @throws IllegalArgumentException naming the problem
     */
    public static URI check(String url) {
        Objects.requireNonNull(url, "url must not be null");
        if (url.length() > 2000) {
            throw new IllegalArgumentException("webhook url must be at most 2000 characters, but was " + url.length());
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook url is not a valid URI: " + e.getMessage());
        }
        if (!u.isAbsolute() || u.getScheme() == null) {
            throw new IllegalArgumentException("webhook url must be absolute (https://host/path), but was '" + url + "'");
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhook url must not carry user-info (credentials), but was '"
                    + u.getScheme() + "://…@" + u.getHost() + "…'");
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException("webhook url must name a host, but was '" + url + "'");
        }
        if (u.getRawFragment() != null) {
            throw new IllegalArgumentException("webhook url must not have a fragment, but was '" + url + "'");
        }
        if (scheme.equals("http")) {
            if (!isLoopback(u.getHost())) {
                throw new IllegalArgumentException("webhook url must use https (http only for localhost), but was '"
                        + url + "'");
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("webhook url must use https, but its scheme was '" + u.getScheme() + "'");
        }
        return u;
    }

    /**
     * Checks a signing secret: 16 to 256 printable ASCII characters (no spaces).
     *
     * @param secret the secret
     * @return the secret
     * @throws IllegalArgumentException naming the rule (the secret itself is never echoed)
     */
    public static String checkSecret(String secret) {
        Objects.requireNonNull(secret, "secret must not be null");
        if (secret.length() < 16 || secret.length() > 256 || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("webhook secret must be 16-256 printable ASCII characters without spaces,"
                    + " but had " + secret.length() + " characters" + (secret.chars().allMatch(c -> c > 32 && c < 127)
                            ? "" : " including other characters"));
        }
        return secret;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.startsWith("[")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup happens
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
