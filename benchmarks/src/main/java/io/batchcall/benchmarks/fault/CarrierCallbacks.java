package io.batchcall.benchmarks.fault;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts the fake carrier's status callbacks, signed as Twilio signs them (HMAC-SHA1 keyed with the
 * auth token over the URL and the parameters sorted by name, Base64), computed here independently
 * of the adapter. A callback that gets no 2xx is retried three times within about 15 s, as Twilio
 * does on connection failures. Lost, duplicated and reordered callbacks are fault modes.
 */
final class CarrierCallbacks {
    private final String accountSid;
    private final String token;
    private final ScheduledExecutorService timer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random;
    private final CarrierLog log;
    private final Fault lose;
    private final Fault duplicate;
    private final Fault reorder;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    CarrierCallbacks(String accountSid, String token, ScheduledExecutorService timer, Random random, CarrierLog log,
            Options o) {
        this.accountSid = accountSid;
        this.token = token;
        this.timer = timer;
        this.random = random;
        this.log = log;
        this.lose = new Fault("lose", o.get("lose", "0"));
        this.duplicate = new Fault("duplicate", o.get("duplicate", "0"));
        this.reorder = new Fault("reorder", o.get("reorder", "0"));
    }

    /** The parameters Twilio posts for {@code status} of {@code call}. */
    Map<String, List<String>> params(CarrierCall call, String sid, String status, String timestamp, Integer duration) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("AccountSid", List.of(accountSid));
        p.put("ApiVersion", List.of("2010-04-01"));
        p.put("CallSid", List.of(sid));
        p.put("CallStatus", List.of(status));
        p.put("CallbackSource", List.of("call-progress-events"));
        p.put("Direction", List.of("outbound-api"));
        p.put("From", List.of(call.from));
        p.put("To", List.of(call.to));
        p.put("SequenceNumber", List.of(Integer.toString(call.sequence.getAndIncrement())));
        p.put("Timestamp", List.of(timestamp));
        if (duration != null) {
            p.put("CallDuration", List.of(Integer.toString(duration)));
            p.put("Duration", List.of(Integer.toString((duration + 59) / 60)));
        }
        return p;
    }

    /** A genuine callback, subject to the lose / duplicate / reorder faults. */
    void post(CarrierCall call, Map<String, List<String>> params) {
        if (lose.fire(random)) {
            log.line("FAULT", "lose", call.sid, first(params, "CallStatus"));
            return;
        }
        long delay = 0;
        if (reorder.fire(random)) {
            delay = 1500 + nextInt(1500);
            log.line("FAULT", "reorder", call.sid, first(params, "CallStatus"));
        }
        String signature = sign(token, call.statusCallback, params);
        schedule(call.statusCallback, params, signature, delay, 0, null);
        if (duplicate.fire(random)) {
            log.line("FAULT", "duplicate", call.sid, first(params, "CallStatus"));
            schedule(call.statusCallback, params, signature, delay + 100 + nextInt(900), 0, null);
        }
    }

    /** A forged callback, sent once; its HTTP answer is logged under {@code kind}. */
    void forge(String kind, String url, Map<String, List<String>> params, String signature, String target) {
        schedule(url, params, signature, 0, 3, kind + "\t" + target);
    }

    private void schedule(String url, Map<String, List<String>> params, String signature, long delayMs, int tries,
            String forged) {
        timer.schedule(() -> send(url, params, signature, tries, forged), delayMs, TimeUnit.MILLISECONDS);
    }

    private void send(String url, Map<String, List<String>> params, String signature, int tries, String forged) {
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature).header("I-Twilio-Idempotency-Token", "fake")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(params), StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        sent.incrementAndGet();
        if (forged != null) {
            log.line("FORGED", forged, status);
            return;
        }
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 403 || status == 400) {
            refused.incrementAndGet();
            log.line("FAULT", "refused-genuine", first(params, "CallSid"), first(params, "CallStatus") + " HTTP "
                    + status);
            return;
        }
        if (tries < 3) {
            timer.schedule(() -> send(url, params, signature, tries + 1, null), 1000L << tries, TimeUnit.MILLISECONDS);
        } else {
            failed.incrementAndGet();
            log.line("FAULT", "undelivered", first(params, "CallSid"), first(params, "CallStatus") + " HTTP " + status);
        }
    }

    private int nextInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    static String encode(Map<String, List<String>> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, vs) -> vs.forEach(v -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return out.toString();
    }

    /** Twilio's documented signature. */
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
}
