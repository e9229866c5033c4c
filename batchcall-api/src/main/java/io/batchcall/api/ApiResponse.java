package io.batchcall.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the handler answers: a status, headers and a body to write.
 *
 * @param status the HTTP status code
 * @param headers response headers, one value each (Content-Type among them when there is a body)
 * @param body the body; {@link ResponseBody#EMPTY} for none
 * @param streaming true when the body is written progressively and its length is unknown (CSV
 *     export, event stream): send it chunked and flush as it is written
 */
public record ApiResponse(int status, Map<String, String> headers, ResponseBody body, boolean streaming) {

    /**
     * Validates the components (see the record description).
     *
     * @param status the HTTP status code
     * @param headers response headers, one value each (Content-Type among them when there is a body)
     * @param body the body; {@link ResponseBody#EMPTY} for none
     * @param streaming true when the body is written progressively and its length is unknown (CSV export,
     *     event stream): send it chunked and flush as it is written
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if body is null
     */
    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, but was " + status);
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body must not be null");
    }

    /**
     * The value of a response header, matched ignoring case, or null.
     *
     * @param name the header name
     * @return the value, or null if absent
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Writes the whole body to a string (UTF-8); for tests and small bodies, never for an event
     * stream (it would not return).
     *
     * @return the body decoded as UTF-8
     */
    public String bodyAsString() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
