package io.batchcall.api;

import io.batchcall.model.AccountId;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request, as the host's server hands it over after authentication.
 *
 * @param account the authenticated account: the request sees and changes only its batches
 * @param method the HTTP method, any case
 * @param path the path below the mount point, starting with {@code /} (for example
 *     {@code /batches/42}); the host strips its own prefix
 * @param query decoded query parameters; several values of one name are kept in order
 * @param headers request headers; names are matched ignoring case
 * @param body the request body, read as a stream (never buffered whole); an empty stream when
 *     there is none. The handler does not close it.
 */
public record ApiRequest(AccountId account, String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, InputStream body) {

    /**
     * Validates the components (see the record description).
     *
     * @param account the authenticated account: the request sees and changes only its batches
     * @param method the HTTP method, any case
     * @param path the path below the mount point, starting with {@code /} (for example {@code /batches/42});
     *     the host strips its own prefix
     * @param query decoded query parameters; several values of one name are kept in order
     * @param headers request headers; names are matched ignoring case
     * @param body the request body, read as a stream (never buffered whole); an empty stream when there is
     *     none. The handler does not close it.
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of account, method is null
     */
    public ApiRequest {
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(method, "method must not be null");
        method = method.toUpperCase(Locale.ROOT);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', but was '" + path + "'");
        }
        query = query == null ? Map.of() : Map.copyOf(query);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    h.merge(k, List.copyOf(v), (a, b) -> {
                        List<String> all = new java.util.ArrayList<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    });
                }
            });
        }
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? InputStream.nullInputStream() : body;
    }

    /**
     * A request without body, query or headers; handy in tests.
     *
     * @param account the authenticated account the request acts for
     * @param method the HTTP method, e.g. {@code GET}
     * @param path the request path, e.g. {@code /batches}
     * @return the request
     */
    public static ApiRequest of(AccountId account, String method, String path) {
        return new ApiRequest(account, method, path, Map.of(), Map.of(), null);
    }

    /**
     * The first value of a header, or null.
     *
     * @param name the header name, matched ignoring case
     * @return the first value, or null if absent
     */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The first value of a query parameter, or null.
     *
     * @param name the parameter name
     * @return the first value, or null if absent
     */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
