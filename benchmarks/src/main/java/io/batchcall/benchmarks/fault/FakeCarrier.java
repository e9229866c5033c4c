package io.batchcall.benchmarks.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.time.Clock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Twilio in its own process (JDK HttpServer on 127.0.0.1): the subset of the 2010-04-01
 * Calls API that {@code TwilioTelephony} uses — {@code POST Calls.json} (form), {@code GET
 * Calls/{sid}.json}, {@code GET Calls.json} with To, From, Status and StartTime filters, paged,
 * newest first, and {@code POST Calls/{sid}.json} with {@code Status=completed|canceled} — on its
 * own clock ({@code --skewMs}; times shown in whole seconds, RFC 2822, like Twilio). Each call lives
 * queued → initiated → ringing → in-progress → completed (or busy, no-answer, failed) and posts signed
 * status callbacks to its StatusCallback URL. Every call is written to the {@link CarrierLog}.
 *
 * <p>Faults on {@code POST /Calls} (each {@code p/max}): {@code post503}, {@code postTimeout} (the
 * answer comes after {@code --timeoutMs}, past the client's timeout), both without creating the
 * call; {@code post503Created}, {@code postTimeoutCreated} with the call created and running;
 * {@code postSlow} (call created, answer after {@code --slowMs}), {@code postLate} (slow to process: the
 * call is created and answered after {@code --lateMs}, meant to be longer than the engines' lease). A
 * call created under an ambiguous answer stays queued (no start time, no callbacks, as Twilio queues
 * calls past the account's rate) for {@code --ambiguousQueueMs}. On callbacks: {@code lose}, {@code duplicate},
 * {@code reorder}, {@code forgedSignature} (a completed status with 600 s signed with a wrong key)
 * and {@code forgedSid} (a validly signed completed status with 600 s naming another call's sid,
 * posted to this call's URL while it rings). Control: {@code GET /control/stats}. The process
 * exits when its standard input closes (its parent died).
 */
public final class FakeCarrier {
    /** The carrier's own time source: the machine's clock (its skew is added where it reports times). */
    private static final Clock WALL = Clock.systemUTC();

    private static final Pattern CALL = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls/([^/]+)\\.json");
    private static final Pattern CALLS = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Calls\\.json");

    private final String accountSid;
    private final String token;
    private final long skewMs;
    private final Options o;
    private final Random random;
    private final CarrierLog log;
    private final CarrierCallbacks callbacks;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(8);
    private final Map<String, CarrierCall> calls = new ConcurrentHashMap<>();
    private final List<CarrierCall> ordered = new ArrayList<>();
    private final AtomicLong nextSid = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Fault post503;
    private final Fault postTimeout;
    private final Fault post503Created;
    private final Fault postTimeoutCreated;
    private final Fault postSlow;
    private final Fault postLate;
    private final Fault forgedSignature;
    private final Fault forgedSid;

    private FakeCarrier(Options o) throws IOException {
        this.o = o;
        this.accountSid = o.get("sid", EngineNode.ACCOUNT_SID);
        this.token = o.get("token", EngineNode.TOKEN);
        this.skewMs = o.getLong("skewMs", 0);
        this.random = new Random(o.getLong("seed", 1));
        this.log = new CarrierLog(Path.of(o.get("log", "carrier.log")));
        this.callbacks = new CarrierCallbacks(accountSid, token, timer, random, log, o);
        post503 = new Fault("post503", o.get("post503", "0"));
        postTimeout = new Fault("postTimeout", o.get("postTimeout", "0"));
        post503Created = new Fault("post503Created", o.get("post503Created", "0"));
        postTimeoutCreated = new Fault("postTimeoutCreated", o.get("postTimeoutCreated", "0"));
        postSlow = new Fault("postSlow", o.get("postSlow", "0"));
        postLate = new Fault("postLate", o.get("postLate", "0"));
        forgedSignature = new Fault("forgedSignature", o.get("forgedSignature", "0"));
        forgedSid = new Fault("forgedSid", o.get("forgedSid", "0"));
    }

    /** {@code --port N --log FILE --skewMs MS ...}; see the class comment. */
    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        FakeCarrier carrier = new FakeCarrier(o);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                o.getInt("port", 0)), 200);
        server.createContext("/", carrier::serve);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("fake carrier on port " + server.getAddress().getPort() + ", clock skew " + carrier.skewMs
                + " ms");
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent goes away
        }
        System.exit(0);
    }

    private Instant carrierNow() {
        return Instant.ofEpochMilli(WALL.millis() + skewMs);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/control/stats")) {
                send(ex, 200, stats());
                return;
            }
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + token)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, error(401, 20003, "Authenticate"));
                return;
            }
            Map<String, List<String>> form = decode(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            Map<String, List<String>> query = decode(ex.getRequestURI().getRawQuery());
            Matcher one = CALL.matcher(path);
            Matcher list = CALLS.matcher(path);
            if (list.matches() && ex.getRequestMethod().equals("POST")) {
                create(ex, form);
            } else if (list.matches() && ex.getRequestMethod().equals("GET")) {
                send(ex, 200, CarrierSearch.page(snapshot(), query, accountSid));
            } else if (one.matches() && calls.containsKey(one.group(2))) {
                CarrierCall call = calls.get(one.group(2));
                if (ex.getRequestMethod().equals("GET")) {
                    send(ex, 200, call.json(accountSid));
                } else {
                    hangUp(ex, call, first(form, "Status"));
                }
            } else {
                send(ex, 404, error(404, 20404, "The requested resource " + path + " was not found"));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private List<CarrierCall> snapshot() {
        synchronized (ordered) {
            return new ArrayList<>(ordered);
        }
    }

    private void create(HttpExchange ex, Map<String, List<String>> form) throws IOException {
        String to = first(form, "To");
        String from = first(form, "From");
        String callback = first(form, "StatusCallback");
        if (to == null || from == null || first(form, "Url") == null) {
            send(ex, 400, error(400, 21201, "No 'To', 'From' or 'Url' specified"));
            return;
        }
        if (post503.fire(random)) {
            log.line("FAULT", "post503", "-", to);
            send(ex, 503, error(503, 20503, "Service unavailable"));
            return;
        }
        if (postTimeout.fire(random)) {
            log.line("FAULT", "postTimeout", "-", to);
            sleep(o.getLong("timeoutMs", 20_000));
            send(ex, 503, error(503, 20503, "Service unavailable"));
            return;
        }
        long queue = o.getLong("ambiguousQueueMs", 0);
        if (post503Created.fire(random)) {
            CarrierCall call = newCall(to, from, callback, queue);
            log.line("FAULT", "post503Created", call.sid, to);
            send(ex, 503, error(503, 20503, "Service unavailable"));
            return;
        }
        if (postTimeoutCreated.fire(random)) {
            CarrierCall call = newCall(to, from, callback, queue);
            log.line("FAULT", "postTimeoutCreated", call.sid, to);
            sleep(o.getLong("timeoutMs", 20_000));
            send(ex, 201, call.json(accountSid));
            return;
        }
        if (postLate.fire(random)) {
            // Slow to process: the call exists only when the (late) answer is sent.
            sleep(o.getLong("lateMs", 16_000));
            CarrierCall call = newCall(to, from, callback, 0);
            log.line("FAULT", "postLate", call.sid, to);
            send(ex, 201, call.json(accountSid));
            return;
        }
        CarrierCall call = newCall(to, from, callback, 0);
        if (postSlow.fire(random)) {
            log.line("FAULT", "postSlow", call.sid, to);
            sleep(o.getLong("slowMs", 3_000));
        }
        send(ex, 201, call.json(accountSid));
    }

    private CarrierCall newCall(String to, String from, String callback, long queuedMs) {
        String sid = String.format("CA%032x", nextSid.incrementAndGet() * 7919 + 0x5eed);
        long attempt = attemptOf(callback);
        long now = WALL.millis();
        CarrierCall call = new CarrierCall(sid, to, from, callback, attempt, now,
                Instant.ofEpochMilli(now + skewMs).truncatedTo(ChronoUnit.SECONDS));
        calls.put(sid, call);
        synchronized (ordered) {
            ordered.add(call);
        }
        live.incrementAndGet();
        log.line("CREATE", sid, to, from, attempt, now);
        CallLife.start(this, call, queuedMs);
        return call;
    }

    private static long attemptOf(String callback) {
        if (callback == null) {
            return -1;
        }
        List<String> a = decode(URI.create(callback).getRawQuery()).get("attempt");
        try {
            return a == null ? -1 : Long.parseLong(a.get(0));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void hangUp(HttpExchange ex, CarrierCall call, String status) throws IOException {
        if (!"completed".equals(status) && !"canceled".equals(status)) {
            send(ex, 400, error(400, 21218, "Invalid Status"));
            return;
        }
        synchronized (call) {
            if (call.ended()) {
                send(ex, 400, error(400, 21220, "Call is not in-progress. Cannot redirect."));
                return;
            }
            end(call, "in-progress".equals(call.status) ? "completed" : "canceled");
        }
        send(ex, 200, call.json(accountSid));
    }

    // ---- used by CallLife ----

    ScheduledExecutorService timer() {
        return timer;
    }

    Random random() {
        return random;
    }

    Options options() {
        return o;
    }

    /** Moves a live call to {@code status} and posts its callback; false if it has ended meanwhile. */
    boolean step(CarrierCall call, String status) {
        synchronized (call) {
            if (call.ended()) {
                return false;
            }
            call.status = status;
            Instant now = carrierNow();
            if (status.equals("initiated")) {
                call.started = now.truncatedTo(ChronoUnit.SECONDS); // Twilio keeps whole seconds
            }
            if (status.equals("in-progress")) {
                call.answeredTrueMs = WALL.millis();
            }
            callbacks.post(call, callbacks.params(call, call.sid, status, CarrierCall.RFC_2822.format(now), null));
            return true;
        }
    }

    /** Ends a call (must hold its lock): logs it and posts the final callback. */
    void end(CarrierCall call, String status) {
        long now = WALL.millis();
        if ("completed".equals(status) && call.answeredTrueMs > 0) {
            call.durationSeconds = (int) Math.max(1, Math.round((now - call.answeredTrueMs) / 1000.0));
        }
        call.status = status;
        call.ended = Instant.ofEpochMilli(now + skewMs);
        live.decrementAndGet();
        log.line("END", call.sid, status, now, call.durationSeconds);
        callbacks.post(call, callbacks.params(call, call.sid, status, CarrierCall.RFC_2822.format(call.ended),
                "completed".equals(status) ? call.durationSeconds : 0));
    }

    /** While {@code call} rings: maybe a forged callback to its URL. */
    void maybeForge(CarrierCall call) {
        if (call.statusCallback == null) {
            return;
        }
        String stamp = CarrierCall.RFC_2822.format(carrierNow());
        if (forgedSignature.fire(random)) {
            var p = callbacks.params(call, call.sid, "completed", stamp, 600);
            log.line("FAULT", "forgedSignature", call.sid, call.attempt);
            callbacks.forge("forgedSignature", call.statusCallback, p,
                    CarrierCallbacks.sign(token + "-wrong", call.statusCallback, p), call.sid);
        }
        if (forgedSid.fire(random)) {
            List<CarrierCall> all = snapshot();
            CarrierCall other = all.get(random.nextInt(all.size()));
            if (other != call) {
                var p = callbacks.params(call, other.sid, "completed", stamp, 600);
                log.line("FAULT", "forgedSid", call.sid, call.attempt + " names " + other.sid);
                callbacks.forge("forgedSid", call.statusCallback, p,
                        CarrierCallbacks.sign(token, call.statusCallback, p), call.sid);
            }
        }
    }

    private String stats() {
        return "live=" + live.get() + " created=" + calls.size() + " callbacks=" + callbacks.sent.get()
                + " refusedGenuine=" + callbacks.refused.get() + " undelivered=" + callbacks.failed.get() + "\n";
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String error(int status, int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    static String first(Map<String, List<String>> m, String k) {
        return m.get(k) == null || m.get(k).isEmpty() ? null : m.get(k).get(0);
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
        try {
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (a timeout fault): the call, if created, lives on
        }
    }
}
