package io.batchcall.benchmarks.dispatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch benchmark (see {@code io.batchcall.benchmarks.DispatchBenchmark} and
 * benchmarks/README.md): peers and batchcall in one run, on one PostgreSQL server, then H2 and in
 * memory. Arguments {@code key=value}: {@code n=10000} dials per measured PostgreSQL run,
 * {@code engines=1,2}, {@code accounts=1,10}, {@code modes=pg,h2,memory}, {@code peer=20000}
 * db-scheduler executions, {@code raw=100000} raw-loop items, {@code h2n=200000} dials on H2 in
 * segments of {@code h2segment=10000}, {@code warmup=2000} dials per warm-up round.
 */
public final class Dispatch {
    private Dispatch() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("n", "10000", "engines", "1,2", "accounts", "1,10",
                "modes", "pg,h2,memory", "peer", "20000", "raw", "100000", "h2n", "200000", "h2segment", "10000",
                "warmup", "2000"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0 || !a.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException("arguments are key=value with keys " + a.keySet() + ", but got " + arg);
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        System.out.printf("dispatch benchmark %s; %d cores; %s%n", a, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        List<String> modes = List.of(a.get("modes").split(","));
        int warmup = Integer.parseInt(a.get("warmup"));
        if (modes.contains("pg")) {
            postgres(a, warmup);
        }
        if (modes.contains("h2")) {
            h2(Integer.parseInt(a.get("h2n")), Integer.parseInt(a.get("h2segment")), warmup);
        }
        if (modes.contains("memory")) {
            memory(Integer.parseInt(a.get("n")), warmup);
        }
        System.exit(0);
    }

    private static void postgres(Map<String, String> a, int warmup) throws Exception {
        int n = Integer.parseInt(a.get("n"));
        try (BenchServer server = BenchServer.start()) {
            System.out.println("PostgreSQL: " + server.description());
            System.out.println("peer warm-up (db-scheduler 5,000 executions, raw loop 20,000 items; not recorded)");
            for (int i = 0; i < 4; i++) {
                long c0 = Window.compileMillis();
                long t0 = System.nanoTime();
                PeerRuns.dbScheduler(server, 5_000);
                if (Window.compileMillis() - c0 < 0.02 * (System.nanoTime() - t0) / 1e6) {
                    break;
                }
            }
            PeerRuns.rawLoop(server, 20_000);
            PeerRuns.Run ds = PeerRuns.dbScheduler(server, Integer.parseInt(a.get("peer")));
            print("db-scheduler lock-and-fetch, 1 instance, 20 threads", "executions", ds.measured(), ds.profile(),
                    "execution");
            PeerRuns.Run raw = PeerRuns.rawLoop(server, Integer.parseInt(a.get("raw")));
            print("raw SKIP LOCKED loop, 10 rows per claim, 1 thread", "items", raw.measured(), raw.profile(), "item");
            List<String> summary = new ArrayList<>();
            for (String acc : a.get("accounts").split(",")) {
                for (String eng : a.get("engines").split(",")) {
                    int accounts = Integer.parseInt(acc.trim());
                    int engines = Integer.parseInt(eng.trim());
                    try (Backend backend = Backend.postgres(server)) {
                        String label = "batchcall, " + engines + " engine(s), " + accounts + " account(s)";
                        System.out.println(label + ":");
                        Window.Measured m;
                        StatementProfile.Profile p;
                        try (DispatchRun run = new DispatchRun(backend, engines, accounts)) {
                            run.warmUp(warmup, 8);
                            m = run.measure(n);
                        }
                        p = backend.profile(n);
                        print(label, "completed dials", m, p, "dial");
                        String ratios = String.format("%s: %,.0f dials/s, CPU %.0f us/dial = %.1f x db-scheduler's "
                                + "%.0f us/execution; dials/s = %.1f%% of the raw loop's claims/s%s", label,
                                m.perSecond(), m.cpuMicros(), m.cpuMicros() / ds.measured().cpuMicros(),
                                ds.measured().cpuMicros(), 100 * m.perSecond() / raw.measured().perSecond(),
                                p == null ? "" : String.format("; %.1f statements, %.1f commits per dial",
                                        (double) p.statements() / n, (double) p.commits() / n));
                        System.out.println("RATIO " + ratios);
                        summary.add(ratios);
                    }
                }
            }
            System.out.println();
            System.out.println("summary (same run, same server):");
            summary.forEach(s -> System.out.println("  " + s));
        }
    }

    private static void print(String label, String unit, Window.Measured m, StatementProfile.Profile p, String per) {
        System.out.printf("%-55s %,8.0f %s/s; %s%n", label, m.perSecond(), unit, m.cpuLine());
        if (p != null) {
            System.out.println("    " + p.line(m.items(), per));
            p.top().forEach(line -> System.out.println("      " + line));
        }
    }

    private static void h2(int total, int segment, int warmup) throws Exception {
        Path dir = Files.createTempDirectory("batchcall-dispatch-h2");
        try (Backend backend = Backend.h2(dir); DispatchRun run = new DispatchRun(backend, 1, 1)) {
            System.out.println("H2 file database in " + dir + ", 1 engine, 1 account:");
            run.warmUp(warmup, 8);
            for (int done = segment; done <= total; done += segment) {
                Window.Measured m = run.measure(segment);
                StatementProfile.Profile p = backend.profile(segment);
                System.out.printf("  H2 dials %,7d-%,7d: %,6.0f dials/s; %s%s%n", done - segment, done, m.perSecond(),
                        m.cpuLine(), p == null ? "" : String.format("; %.1f statements, %.1f commits per dial",
                        (double) p.statements() / segment, (double) p.commits() / segment));
            }
        }
    }

    private static void memory(int n, int warmup) throws Exception {
        try (Backend backend = Backend.memory(); DispatchRun run = new DispatchRun(backend, 1, 1)) {
            System.out.println("in memory, 1 engine, 1 account (the rate follows the poll cadence; CPU per dial is the figure):");
            run.warmUp(warmup, 8);
            Window.Measured m = run.measure(n);
            System.out.printf("  in memory: %,.0f dials/s; %s%n", m.perSecond(), m.cpuLine());
        }
    }
}
