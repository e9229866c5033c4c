package io.batchcall.benchmarks.dispatch;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One measured window: wall time, this JVM's CPU, the PostgreSQL server's CPU (its postmaster and
 * every process it started or reaped; none for H2 and in memory), the machine's busy time from
 * {@code /proc/stat} and so the CPU of every other process (machine noise), the JIT compiler's time
 * and GC time inside the window.
 */
final class Window {
    private static final double TICKS = 100.0;

    private final long postmaster;
    private final long t0;
    private final double jvm0;
    private final double server0;
    private final long[] machine0;
    private final long compile0;
    private final long gc0;

    private Window(long postmaster) throws IOException {
        this.postmaster = postmaster;
        this.compile0 = compileMillis();
        this.gc0 = gcMillis();
        this.machine0 = machine();
        this.server0 = serverSeconds(postmaster);
        this.jvm0 = jvmSeconds();
        this.t0 = System.nanoTime();
    }

    /** Starts a window; {@code postmaster} 0 when there is no server process to count. */
    static Window start(long postmaster) throws IOException {
        return new Window(postmaster);
    }

    /** What the window measured for {@code items} items. */
    record Measured(long items, double seconds, double jvm, double server, double other, double machineCapacity,
            double compileSeconds, double gcSeconds) {

        double perSecond() {
            return items / seconds;
        }

        double jvmMicros() {
            return jvm * 1e6 / items;
        }

        double serverMicros() {
            return server * 1e6 / items;
        }

        double cpuMicros() {
            return jvmMicros() + serverMicros();
        }

        /** Other processes' CPU as a percentage of the machine (all cores) during the window. */
        double otherPercent() {
            return 100 * other / machineCapacity;
        }

        String cpuLine() {
            return String.format("CPU %.0f + %.0f = %.0f us/item (JVM + PostgreSQL); JIT %.2f s, GC %.2f s in the window; "
                    + "other processes %.0f%% of the machine", jvmMicros(), serverMicros(), cpuMicros(), compileSeconds,
                    gcSeconds, otherPercent());
        }
    }

    Measured stop(long items) throws IOException {
        double seconds = (System.nanoTime() - t0) / 1e9;
        double jvm = jvmSeconds() - jvm0;
        double server = postmaster == 0 ? 0 : serverSeconds(postmaster) - server0;
        long[] machine1 = machine();
        double busy = 0;
        double total = 0;
        for (int i = 0; i < machine1.length; i++) {
            long d = machine1[i] - machine0[i];
            total += d;
            if (i != 3 && i != 4 && i != 7) { // idle, iowait, steal
                busy += d;
            }
        }
        double other = Math.max(0, busy / TICKS - jvm - server);
        return new Measured(items, seconds, jvm, server, other, total / TICKS, (compileMillis() - compile0) / 1e3,
                (gcMillis() - gc0) / 1e3);
    }

    static double jvmSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    static long compileMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, g.getCollectionTime());
        }
        return total;
    }

    /** user, nice, system, idle, iowait, irq, softirq, steal ticks of all CPUs. */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        return v;
    }

    /** utime + stime (+ reaped children) of the postmaster and of every process whose parent it is. */
    static double serverSeconds(long postmaster) throws IOException {
        if (postmaster == 0) {
            return 0;
        }
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster || name.equals(Long.toString(postmaster))) {
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14])) / TICKS;
                    }
                } catch (IOException | RuntimeException e) {
                    // ended meanwhile
                }
            }
        }
        return total;
    }

    /** The postmaster's pid: the parent of the backend serving {@code c}. */
    static long postmasterOf(java.sql.Connection c) throws java.sql.SQLException, IOException {
        long backend;
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(backend), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }
}
