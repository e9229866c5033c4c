package io.batchcall.twilio.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} bodies and query strings, UTF-8. */
public final class Forms {
    private final List<String[]> pairs = new ArrayList<>();

    public Forms add(String name, String value) {
        pairs.add(new String[] {name, value});
        return this;
    }

    /** The pairs in insertion order, names repeated as added, encoded for a body or query. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encode(pair[0])).append('=').append(encode(pair[1]));
        }
        return out.toString();
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code base} with the pairs appended to its query (after any it already has). */
    public URI appendTo(URI base) {
        String s = base.toString();
        return URI.create(s + (base.getRawQuery() == null ? "?" : "&") + encode());
    }

    /** Decodes a form body or raw query; a name without {@code =} gets the empty value. */
    public static Map<String, List<String>> decode(String encoded) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String part : encoded.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
