package io.batchcall.twilio.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code application/x-www-form-urlencoded} bodies and query strings, UTF-8. */
public final class Forms {
    private final List<String[]> pairs = new ArrayList<>();

    /** A form that cannot be decoded: bad percent-encoding, bytes that are not UTF-8, too many parameters. */
    public static final class MalformedFormException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedFormException(String message) {
            super(message);
        }
    }

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

    /**
     * Decodes a form body or raw query; a name without {@code =} gets the empty value.
     *
     * @throws MalformedFormException naming the first bad part, when a {@code %} is not followed by
     *     two hex digits, the decoded bytes are not UTF-8, or there are more than {@code maxParameters}
     */
    public static Map<String, List<String>> decode(String encoded, int maxParameters) throws MalformedFormException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        int count = 0;
        int start = 0;
        while (start <= encoded.length()) {
            int amp = encoded.indexOf('&', start);
            int stop = amp < 0 ? encoded.length() : amp;
            if (stop > start) {
                if (++count > maxParameters) {
                    throw new MalformedFormException("more than " + maxParameters + " parameters");
                }
                String part = encoded.substring(start, stop);
                int eq = part.indexOf('=');
                String name = unescape(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : unescape(part.substring(eq + 1));
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            start = stop + 1;
        }
        return out;
    }

    /** Decodes {@code +} and {@code %XX}; strict about both. */
    static String unescape(String s) throws MalformedFormException {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int low = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new MalformedFormException("bad percent-encoding '" + bad + "': '%' must be followed by two "
                            + "hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFormException("percent-encoded bytes are not UTF-8");
        }
    }
}
