package io.batchcall.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake of Twilio's Calls API on the JDK's HttpServer (127.0.0.1, random port): creates calls,
 * serves them, lists them with Twilio's filters, updates them, answers scripted errors, and
 * delivers signed status callbacks to a {@link TwilioStatusCallbacks}. Its clock starts at
 * {@link #T0} and moves one second per created call or callback.
 */
final class FakeTwilio implements AutoCloseable {
    static final String SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "fake-auth-token-0001";
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern CALL = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/([^/]+)\\.json");
    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls\\.json");

    /** One request as received. */
    record Recorded(String method, String path, Map<String, List<String>> query, Map<String, List<String>> form,
            String authorization, String contentType) {
        String formValue(String name) {
            return form.get(name) == null ? null : form.get(name).get(0);
        }
    }

    /** A scripted answer; {@code delayMillis} > 0 makes the server wait before answering. */
    record Scripted(int status, String body, Map<String, String> headers, long delayMillis) {
    }

    static final class Call {
        final String sid;
        final String to;
        final String from;
        final String statusCallback;
        final Instant created;
        volatile Instant started;
        volatile String status = "queued";
        volatile int duration;
        volatile boolean finalCallbackSent;

        Call(String sid, String to, String from, String statusCallback, Instant created) {
            this.sid = sid;
            this.to = to;
            this.from = from;
            this.statusCallback = statusCallback;
            this.created = created;
        }

        boolean ended() {
            return List.of("completed", "busy", "no-answer", "failed", "canceled").contains(status);
        }
    }

    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    final Map<String, Call> calls = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Deque<Scripted> script = new ConcurrentLinkedDeque<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private long seconds;
    private int nextSid = 1;

    FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    TwilioTelephonyBuilder builder() {
        return TwilioTelephony.builder(SID, TOKEN, URI.create("https://host.example/twilio/status"),
                URI.create("https://host.example/twilio/answer")).apiBase(apiBase());
    }

    /** The next request gets this answer instead of the normal one. */
    void answerNext(int status, String body, Map<String, String> headers, long delayMillis) {
        script.add(new Scripted(status, body, headers, delayMillis));
    }

    void answerNextWithError(int status, int code, String message) {
        answerNext(status, errorJson(status, code, message), Map.of(), 0);
    }

    static String errorJson(int status, int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    synchronized Instant tick() {
        return T0.plusSeconds(++seconds);
    }

    /** Adds a call as if placed by someone at {@code created}, already started then. */
    Call addCall(String to, String from, String status, Instant created) {
        Call call = new Call(newSid(), to, from, null, created);
        call.status = status;
        call.started = "queued".equals(status) ? null : created;
        calls.put(call.sid, call);
        return call;
    }

    private synchronized String newSid() {
        return String.format("CA%032x", nextSid++);
    }

    /** Moves every call to its end (ringing, in-progress, completed after 42 s) and posts each step signed. */
    void completeAllCalls(TwilioStatusCallbacks callbacks) {
        List<Call> all;
        synchronized (calls) {
            all = new ArrayList<>(calls.values());
        }
        for (Call call : all) {
            if (call.statusCallback == null) {
                continue;
            }
            if (call.ended()) {
                if (!call.finalCallbackSent) {
                    callback(callbacks, call, call.status, 1);
                    call.finalCallbackSent = true;
                }
                continue;
            }
            call.started = tick();
            int seq = 0;
            for (String step : List.of("initiated", "ringing", "in-progress")) {
                call.status = step;
                callback(callbacks, call, step, seq++);
            }
            call.duration = 42;
            call.status = "completed";
            callback(callbacks, call, "completed", seq);
            call.finalCallbackSent = true;
        }
    }

    /** Posts one signed status callback for {@code call} with {@code status} to the handler. */
    TwilioStatusCallbacks.Result callback(TwilioStatusCallbacks callbacks, Call call, String status, int sequence) {
        Map<String, List<String>> params = callbackParams(call, status, sequence);
        return callbacks.handle(call.statusCallback, params, sign(TOKEN, call.statusCallback, params));
    }

    Map<String, List<String>> callbackParams(Call call, String status, int sequence) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("AccountSid", List.of(SID));
        p.put("CallSid", List.of(call.sid));
        p.put("CallStatus", List.of(status));
        p.put("To", List.of(call.to));
        p.put("From", List.of(call.from));
        p.put("Direction", List.of("outbound-api"));
        p.put("ApiVersion", List.of("2010-04-01"));
        p.put("SequenceNumber", List.of(Integer.toString(sequence)));
        p.put("Timestamp", List.of(RFC_2822.format(tick())));
        if ("completed".equals(status)) {
            p.put("CallDuration", List.of(Integer.toString(call.duration)));
        }
        return p;
    }

    /** Twilio's documented signature, computed here independently of the adapter's code. */
    static String sign(String token, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        params.keySet().stream().sorted().forEach(k -> params.get(k).forEach(v -> data.append(k).append(v)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    decode(ex.getRequestURI().getRawQuery()), decode(body),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"));
            requests.add(r);
            Scripted scripted = script.poll();
            if (scripted != null) {
                if (scripted.delayMillis() > 0) {
                    try {
                        Thread.sleep(scripted.delayMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                scripted.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                send(ex, scripted.status(), scripted.body());
                return;
            }
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(r.authorization())) {
                send(ex, 401, errorJson(401, 20003, "Authenticate"));
                return;
            }
            Matcher one = CALL.matcher(r.path());
            Matcher list = CALLS.matcher(r.path());
            if (list.matches() && r.method().equals("POST")) {
                create(ex, r);
            } else if (list.matches() && r.method().equals("GET")) {
                list(ex, r);
            } else if (one.matches()) {
                Call call = calls.get(one.group(2));
                if (call == null) {
                    send(ex, 404, errorJson(404, 20404, "The requested resource " + r.path() + " was not found"));
                } else if (r.method().equals("GET")) {
                    send(ex, 200, json(call));
                } else {
                    update(ex, r, call);
                }
            } else {
                send(ex, 404, errorJson(404, 20404, "The requested resource " + r.path() + " was not found"));
            }
        }
    }

    private void create(HttpExchange ex, Recorded r) throws IOException {
        Call call = new Call(newSid(), r.formValue("To"), r.formValue("From"), r.formValue("StatusCallback"), tick());
        calls.put(call.sid, call);
        send(ex, 201, json(call));
    }

    private void update(HttpExchange ex, Recorded r, Call call) throws IOException {
        if (r.formValue("Url") != null && r.formValue("Status") == null) { // redirect a live call to new TwiML
            synchronized (call) {
                if (call.ended()) {
                    send(ex, 400, errorJson(400, 21220, "Call is not in-progress. Cannot redirect."));
                    return;
                }
            }
            send(ex, 200, json(call));
            return;
        }
        if (!"completed".equals(r.formValue("Status"))) {
            send(ex, 400, errorJson(400, 21218, "Invalid ApplicationSid"));
            return;
        }
        synchronized (call) {
            if (call.ended()) {
                send(ex, 400, errorJson(400, 21220, "Call is not in-progress. Cannot redirect."));
                return;
            }
            call.status = "in-progress".equals(call.status) ? "completed" : "canceled";
        }
        send(ex, 200, json(call));
    }

    private void list(HttpExchange ex, Recorded r) throws IOException {
        String to = first(r.query(), "To");
        String from = first(r.query(), "From");
        String status = first(r.query(), "Status");
        String startDate = first(r.query(), "StartTime>=");
        StringBuilder out = new StringBuilder("{\"calls\":[");
        List<Call> all;
        synchronized (calls) {
            all = new ArrayList<>(calls.values());
        }
        boolean firstCall = true;
        for (Call c : all) {
            boolean ok = (to == null || to.equals(c.to)) && (from == null || from.equals(c.from))
                    && (status == null || status.equals(c.status))
                    && (startDate == null || (c.started != null // like Twilio: a queued call has no start time
                            && c.started.atOffset(ZoneOffset.UTC).toLocalDate().toString().compareTo(startDate) >= 0));
            if (ok) {
                out.append(firstCall ? "" : ",").append(json(c));
                firstCall = false;
            }
        }
        send(ex, 200, out.append("],\"page\":0,\"page_size\":50,\"next_page_uri\":null}").toString());
    }

    private static String json(Call c) {
        return "{\"sid\":\"" + c.sid + "\",\"account_sid\":\"" + SID + "\",\"to\":\"" + c.to + "\",\"from\":\""
                + c.from + "\",\"status\":\"" + c.status + "\",\"date_created\":\"" + RFC_2822.format(c.created)
                + "\",\"start_time\":" + (c.started == null ? "null" : "\"" + RFC_2822.format(c.started) + "\"")
                + ",\"duration\":" + (c.ended() ? "\"" + c.duration + "\"" : "null") + ",\"direction\":\"outbound-api\""
                + ",\"api_version\":\"2010-04-01\"}";
    }

    private static String first(Map<String, List<String>> m, String k) {
        return m.get(k) == null ? null : m.get(k).get(0);
    }

    static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
