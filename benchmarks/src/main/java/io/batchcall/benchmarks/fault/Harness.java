package io.batchcall.benchmarks.fault;

import io.batchcall.jdbc.AccountIsolation;

import io.batchcall.testkit.postgres.PostgresDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The processes of a run: the fake carrier, the callback front (in this JVM) and the engine
 * processes, which it can SIGKILL and restart. Closing it stops them all.
 */
final class Harness implements AutoCloseable {
    /** Carrier options passed through from the run's options. */
    static final List<String> CARRIER_KEYS = List.of("post503", "postTimeout", "post503Created", "postTimeoutCreated",
            "postSlow", "postLate", "lose", "duplicate", "reorder", "forgedSignature", "forgedSid", "timeoutMs",
            "slowMs", "lateMs", "ambiguousQueueMs", "ringMinMs", "ringMaxMs", "talkMinMs", "talkMaxMs", "mix", "seed");
    /** Engine options passed through. */
    static final List<String> ENGINE_KEYS = List.of("leaseMs", "requestTimeoutMs", "pollMs", "staleMs", "reconcileMs",
            "dialThreads", "pool", "cap");

    /** An engine slot: its current process and how many times it was started. */
    final class Node {
        final int index;
        int generation;
        JvmProcess process;
        long restartAtNanos = -1;
        /** Started but not yet serving (not in the front). */
        boolean starting;
        double cpuOfDeadGenerations;

        Node(int index) {
            this.index = index;
        }

        String name() {
            return "n" + index + "-g" + generation;
        }

        boolean alive() {
            return process != null && process.process.isAlive();
        }

        double cpuSeconds() {
            double now = process == null ? 0 : ProcCpu.seconds(process.pid());
            return cpuOfDeadGenerations + (Double.isNaN(now) ? 0 : now);
        }
    }

    final Path dir;
    final Options o;
    final PostgresDatabase db;
    final PrintStream out;
    final CallbackFront front;
    final JvmProcess carrier;
    final List<Node> nodes = new ArrayList<>();
    final Random random;
    int kills;

    Harness(Path dir, Options o, PostgresDatabase db, PrintStream out) throws IOException, InterruptedException {
        this.dir = dir;
        this.o = o;
        this.db = db;
        this.out = out;
        this.random = new Random(o.getLong("seed", 1) * 31 + 7);
        this.front = new CallbackFront();
        Options carrierOptions = new Options().with("port", JvmProcess.freePort())
                .with("log", dir.resolve("carrier.log")).with("skewMs", o.getLong("carrierSkewMs", 0));
        for (String k : CARRIER_KEYS) {
            if (o.has(k)) {
                carrierOptions.with(k, o.get(k, null));
            }
        }
        int port = Integer.parseInt(carrierOptions.get("port", null));
        this.carrier = JvmProcess.start("carrier", FakeCarrier.class, jvmArgs(), carrierOptions.toArgs(),
                dir.resolve("carrier.out"), port);
        int engines = o.getInt("engines", 3);
        for (int i = 1; i <= engines; i++) {
            Node n = new Node(i);
            nodes.add(n);
            start(n);
        }
        carrier.awaitHttp("/control/stats", Duration.ofSeconds(90));
        for (Node n : nodes) {
            n.process.awaitHttp("/health", Duration.ofSeconds(90));
            front.add(n.process.port);
        }
    }

    private List<String> jvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xmx" + o.get("childHeap", "256m"), "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
        if (o.getBool("childC1", false)) {
            args.add("-XX:TieredStopAtLevel=1"); // less JIT work on a busy machine (the short test)
        }
        String extra = o.get("childJvmArgs", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a flight recording of every child
        }
        return args;
    }

    private void start(Node n) throws IOException {
        n.generation++;
        boolean single = o.getBool("singleAccount", false);
        Options e = new Options().with("jdbc", db.jdbcUrl()).with("user", single ? FaultRun.ROLE : db.user())
                .with("password", single ? FaultRun.ROLE : db.password())
                .with("initSql", db.sessionInitSql()).with("name", n.name()).with("port", JvmProcess.freePort())
                .with("apiBase", "http://127.0.0.1:" + carrier.port).with("publicBase", front.publicBase())
                .with("skewMs", o.getLong("nodeSkewMs", 0) + jitter());
        if (single) {
            e.with("accountSetting", AccountIsolation.TEST_SETTING);
        }
        for (String k : ENGINE_KEYS) {
            if (o.has(k)) {
                e.with(k, o.get(k, null));
            }
        }
        n.process = JvmProcess.start(n.name(), EngineNode.class, jvmArgs(), e.toArgs(),
                dir.resolve("engine-n" + n.index + ".out"), Integer.parseInt(e.get("port", null)));
    }

    private long jitter() {
        long j = o.getLong("nodeJitterMs", 0);
        return j == 0 ? 0 : (long) ((random.nextDouble() * 2 - 1) * j);
    }

    /** SIGKILLs a random live engine; it restarts after {@code restartDelayMs}. */
    void killRandom() throws InterruptedException {
        List<Node> live = nodes.stream().filter(n -> n.alive() && n.restartAtNanos < 0 && !n.starting).toList();
        if (live.isEmpty()) {
            return;
        }
        Node n = live.get(random.nextInt(live.size()));
        front.remove(n.process.port);
        n.cpuOfDeadGenerations += Math.max(0, ProcCpu.seconds(n.process.pid()));
        n.process.kill();
        kills++;
        out.printf("  %6.1f s: SIGKILL %s (kill %d)%n", elapsedSeconds(), n.name(), kills);
        n.restartAtNanos = System.nanoTime() + o.getLong("restartDelayMs", 2000) * 1_000_000;
    }

    /**
     * Restarts engines whose restart time has come, and puts started ones behind the front once they
     * answer; never waits for a JVM to start.
     */
    void restartDue() throws IOException {
        for (Node n : nodes) {
            if (n.restartAtNanos >= 0 && System.nanoTime() >= n.restartAtNanos) {
                n.restartAtNanos = -1;
                start(n);
                n.starting = true;
            }
            if (n.starting && n.process.answers("/health")) {
                n.starting = false;
                front.add(n.process.port);
                out.printf("  %6.1f s: restarted as %s%n", elapsedSeconds(), n.name());
            }
        }
    }

    private final long t0 = System.nanoTime();

    double elapsedSeconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The carrier's live-call count (from its control endpoint), or -1. */
    long carrierLive() {
        try {
            String s = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + carrier.port + "/control/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return Long.parseLong(s.substring(s.indexOf("live=") + 5, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String carrierStats() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + carrier.port + "/control/stats")).build(), HttpResponse.BodyHandlers.ofString()).body().trim();
        } catch (IOException | InterruptedException e) {
            return "n/a";
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.stop();
            }
        }
        carrier.stop();
        front.close();
    }
}
