package io.batchcall.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU seconds used so far by this JVM, by every PostgreSQL process on the machine, or by one server. */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {
    }

    static double jvmSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    /**
     * utime + stime of processes whose command is postgres (server and backends), plus the
     * children's times of each (the postmaster collects those of backends that have exited).
     */
    static double postgresSeconds() {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    if (!comm.startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                            + Long.parseLong(f[14])) / TICKS_PER_SECOND;
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /** The pid of the server's postmaster: the parent of a backend. */
    static long postmasterOf(javax.sql.DataSource ds) throws SQLException, IOException {
        long backend;
        try (Connection c = ds.getConnection()) {
            backend = Long.parseLong(firstColumn(c, "SELECT pg_backend_pid()"));
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(backend), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    }

    /**
     * CPU seconds of this benchmark's server alone: its postmaster and the processes it started,
     * plus the children it has reaped (backends that exited). {@link CpuMeter#postgresSeconds()}
     * counts every postgres process on the machine, so another server started or stopped meanwhile
     * (a shared machine) skews it either way.
     */
    static double serverSeconds(long postmaster) throws IOException {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster || p.getFileName().toString().equals(
                            Long.toString(postmaster))) {
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14])) / 100.0;
                    }
                } catch (IOException | RuntimeException e) {
                    // not a process, or it ended meanwhile
                }
            }
        }
        return total;
    }

    private static String firstColumn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
