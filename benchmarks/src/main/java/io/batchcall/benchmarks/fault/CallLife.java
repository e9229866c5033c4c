package io.batchcall.benchmarks.fault;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Runs one call's life at the fake carrier: queued for {@code queuedMs}, initiated 50-150 ms later, ringing 200-400 ms later,
 * then after a ring time ({@code --ringMinMs}..{@code --ringMaxMs}) an outcome drawn from {@code
 * --mix} (weights {@code completed:busy:no-answer:failed}, default {@code 70:10:10:10}); an answered
 * call talks {@code --talkMinMs}..{@code --talkMaxMs} and completes with its duration in whole
 * seconds. A hang-up ends it earlier.
 */
final class CallLife {
    private CallLife() {
    }

    static void start(FakeCarrier carrier, CarrierCall call, long queuedMs) {
        Options o = carrier.options();
        Random r = carrier.random();
        long initiated = queuedMs + between(r, 50, 150);
        long ringing = initiated + between(r, 200, 400);
        long ring = ringing + between(r, o.getLong("ringMinMs", 1000), o.getLong("ringMaxMs", 4000));
        String outcome = outcome(r, o.get("mix", "70:10:10:10"));
        long talk = between(r, o.getLong("talkMinMs", 2000), o.getLong("talkMaxMs", 10_000));
        var timer = carrier.timer();
        timer.schedule(() -> carrier.step(call, "initiated"), initiated, TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            if (carrier.step(call, "ringing")) {
                carrier.maybeForge(call);
            }
        }, ringing, TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            if (outcome.equals("completed")) {
                if (carrier.step(call, "in-progress")) {
                    timer.schedule(() -> endIfLive(carrier, call, "completed"), talk, TimeUnit.MILLISECONDS);
                }
            } else {
                endIfLive(carrier, call, outcome);
            }
        }, ring, TimeUnit.MILLISECONDS);
    }

    private static void endIfLive(FakeCarrier carrier, CarrierCall call, String status) {
        synchronized (call) {
            if (!call.ended()) {
                carrier.end(call, status);
            }
        }
    }

    private static String outcome(Random r, String mix) {
        String[] names = {"completed", "busy", "no-answer", "failed"};
        String[] w = mix.split(":");
        int total = 0;
        for (String x : w) {
            total += Integer.parseInt(x);
        }
        int pick;
        synchronized (r) {
            pick = r.nextInt(total);
        }
        for (int i = 0; i < w.length; i++) {
            pick -= Integer.parseInt(w[i]);
            if (pick < 0) {
                return names[i];
            }
        }
        return "completed";
    }

    private static long between(Random r, long min, long max) {
        if (max <= min) {
            return min;
        }
        synchronized (r) {
            return min + (long) (r.nextDouble() * (max - min));
        }
    }
}
