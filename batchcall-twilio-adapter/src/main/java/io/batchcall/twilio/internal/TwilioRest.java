package io.batchcall.twilio.internal;

import io.batchcall.spi.TelephonyException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The few HTTP exchanges the adapter makes with Twilio's 2010-04-01 API: Basic auth, form bodies,
 * JSON answers, one attempt each (never a retry, which could dial twice). Thread-safe.
 */
public final class TwilioRest {
    private final HttpClient http;
    private final URI accountBase;
    private final String authorization;
    private final Duration timeout;
    private final TwilioErrors errors;

    public TwilioRest(HttpClient http, URI apiBase, String accountSid, String authToken, Duration timeout,
            TwilioErrors errors) {
        this.http = http;
        String base = apiBase.toString().replaceAll("/+$", "");
        this.accountBase = URI.create(base + "/2010-04-01/Accounts/" + accountSid + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.errors = errors;
    }

    /** An answer: status, body and the Retry-After header. */
    public record Answer(int status, String body, Optional<String> retryAfter) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** POSTs a form to a path relative to the account ({@code Calls.json}). */
    public Answer post(String operation, String path, Forms form) {
        return send(operation, request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode(), StandardCharsets.UTF_8)).build());
    }

    /** GETs a path relative to the account, with an optional encoded query (may be null). */
    public Answer get(String operation, String path, Forms query) {
        String withQuery = query == null ? path : path + "?" + query.encode();
        return send(operation, request(withQuery).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(accountBase.resolve(path)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private Answer send(String operation, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            throw errors.transport(operation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelephonyException(TelephonyException.Kind.AMBIGUOUS, operation
                    + ": interrupted while waiting for Twilio; the request may have been processed", null, e);
        }
    }
}
