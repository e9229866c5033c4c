package io.batchcall.twilio.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** URL helpers: redaction for logs, the forms Twilio may have signed, loopback hosts. */
public final class Urls {
    private Urls() {
    }

    /** {@code url} without its user-info ({@code user:password@}), for logs and messages. */
    public static String redacted(URI url) {
        if (url == null) {
            return "null";
        }
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }

    /** {@code url} (a string that may not parse) without user-info; unparsable text is not echoed. */
    public static String redacted(String url) {
        try {
            return redacted(new URI(url));
        } catch (Exception e) {
            return "(an unparsable URL)";
        }
    }

    /**
     * The URL as given, and the same with the scheme's default port ({@code :443} for https,
     * {@code :80} for http) added when it has none or removed when it has it, as Twilio's helper
     * libraries validate: proxies add or drop the default port. Unparsable input gives just itself.
     */
    public static Set<String> signatureCandidates(String url) {
        Set<String> out = new LinkedHashSet<>();
        out.add(url);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            if (defaultPort < 0 || uri.getRawAuthority() == null || uri.getHost() == null) {
                return out;
            }
            String authority = uri.getRawAuthority();
            String prefix = url.substring(0, url.indexOf(authority));
            String rest = url.substring(url.indexOf(authority) + authority.length());
            if (uri.getPort() == -1) {
                out.add(prefix + authority + ":" + defaultPort + rest);
            } else if (uri.getPort() == defaultPort) {
                out.add(prefix + authority.substring(0, authority.lastIndexOf(':')) + rest);
            }
        } catch (Exception e) {
            // only the URL as given
        }
        return out;
    }

    /** Whether {@code host} is this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}, written literally. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
