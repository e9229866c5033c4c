package io.batchcall.api.internal;

import java.util.Map;

/**
 * An error answered as {@code application/problem+json} (RFC 9457). Thrown before anything is
 * stored; {@link Errors} turns it, and the core's exceptions, into responses.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final String rule;
    private final transient Object value;
    private final transient Map<String, String> headers;

    public ApiProblem(int status, String type, String title, String detail, String field, String rule, Object value,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.rule = rule;
        this.value = value;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** 400: {@code field} broke {@code rule} with {@code value}; the detail says all three. */
    public static ApiProblem invalid(String field, String rule, Object value) {
        String shown = value == null ? "missing" : "'" + value + "'";
        return new ApiProblem(400, "validation", "Invalid request", field + " must be " + rule + ", but was "
                + shown, field, rule, value, null);
    }

    /** 400 with a detail of its own (malformed JSON, an unreadable CSV). */
    public static ApiProblem badRequest(String type, String detail, String field, Object value) {
        return new ApiProblem(400, type, "Bad request", detail, field, null, value, null);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail, null, null, null, null);
    }

    static ApiProblem methodNotAllowed(String method, String path, String allow) {
        return new ApiProblem(405, "method-not-allowed", "Method not allowed", method + " is not allowed on " + path
                + "; allowed: " + allow, null, null, method, Map.of("Allow", allow));
    }

    static ApiProblem notAcceptable(String accept, String offered) {
        return new ApiProblem(406, "not-acceptable", "Not acceptable", "Accept '" + accept
                + "' matches none of " + offered, "Accept", "one of " + offered, accept, null);
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "too-large", "Content too large", "the body must be at most " + limit
                + " bytes", "body", "at most " + limit + " bytes", null, null);
    }

    static ApiProblem unsupported(String contentType, String expected) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "Content-Type must be "
                + expected + ", but was " + (contentType == null ? "missing" : "'" + contentType + "'"),
                "Content-Type", expected, contentType, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public Object value() {
        return value;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
