package io.batchcall.benchmarks.dispatch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peers, run as {@code ../shared/peer-bench} runs them, on a fresh database of the same server:
 * db-scheduler with lock-and-fetch (one instance, 20 threads, 100 ms polling, limits 0.5 / 1.0,
 * one-time tasks all due now, its own PostgreSQL DDL), and the raw loop (one thread, auto-commit:
 * {@code UPDATE … WHERE id IN (SELECT … LIMIT 10 FOR UPDATE SKIP LOCKED) RETURNING id}, then
 * {@code DELETE … WHERE id = ANY(?)}).
 */
final class PeerRuns {
    static final String[] DS_DDL = {
        "create table scheduled_tasks (task_name text not null, task_instance text not null, task_data bytea, "
            + "execution_time timestamp with time zone not null, picked BOOLEAN not null, picked_by text, "
            + "last_success timestamp with time zone, last_failure timestamp with time zone, consecutive_failures INT, "
            + "last_heartbeat timestamp with time zone, version BIGINT not null, priority SMALLINT, "
            + "PRIMARY KEY (task_name, task_instance))",
        "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
        "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
        "CREATE INDEX priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)",
        "ALTER TABLE scheduled_tasks ALTER COLUMN execution_time DROP NOT NULL",
        "ALTER TABLE scheduled_tasks ADD COLUMN state text"
    };

    private PeerRuns() {
    }

    /** A peer's measured window and statement profile. */
    record Run(Window.Measured measured, StatementProfile.Profile profile) {
    }

    static HikariDataSource pool(BenchServer server, String database, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(server.url(database));
        c.setUsername(server.user());
        c.setPassword(server.password());
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(size);
        return new HikariDataSource(c);
    }

    static Run dbScheduler(BenchServer server, int n) throws Exception {
        String db = server.createDatabase("dbscheduler");
        try {
            AtomicLong executed = new AtomicLong();
            OneTimeTask<Void> task = Tasks.oneTime("bench-task").execute((inst, ctx) -> executed.incrementAndGet());
            try (HikariDataSource setup = pool(server, db, 2); Connection c = setup.getConnection();
                    Statement s = c.createStatement()) {
                for (String ddl : DS_DDL) {
                    s.execute(ddl);
                }
                boolean profiled = StatementProfile.install(c);
                SchedulerClient client = SchedulerClient.Builder.create(setup, task).build();
                Instant due = java.time.Clock.systemUTC().instant(); // all due at once, as the peer harness schedules them
                List<TaskInstance<?>> chunk = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    chunk.add(task.instance(Integer.toString(i)));
                    if (chunk.size() == 1000 || i == n - 1) {
                        client.scheduleBatch(chunk, due);
                        chunk = new ArrayList<>();
                    }
                }
                s.execute("VACUUM ANALYZE scheduled_tasks");
                s.execute("CHECKPOINT");
                HikariDataSource ds = pool(server, db, 22);
                Scheduler scheduler = Scheduler.create(ds, task).schedulerName(new SchedulerName.Fixed("sched-A"))
                        .threads(20).pollingInterval(Duration.ofMillis(100)).pollUsingLockAndFetch(0.5, 1.0).build();
                Thread.sleep(1500);
                long commits0 = profiled ? StatementProfile.reset(c) : 0;
                Window w = Window.start(Window.postmasterOf(c));
                scheduler.start();
                while (executed.get() < n) {
                    Thread.sleep(5);
                }
                // An execution is done when its row is deleted (the completion handler runs after the body).
                while (count(s, "SELECT count(*) FROM scheduled_tasks") > 0) {
                    Thread.sleep(5);
                }
                Window.Measured m = w.stop(n);
                scheduler.stop();
                ds.close();
                Thread.sleep(300);
                StatementProfile.Profile p = profiled ? StatementProfile.read(c, commits0, n, 6) : null;
                return new Run(m, p);
            }
        } finally {
            server.drop(db);
        }
    }

    static Run rawLoop(BenchServer server, int n) throws Exception {
        String db = server.createDatabase("raw");
        try (HikariDataSource ds = pool(server, db, 2); Connection admin = ds.getConnection();
                Statement s = admin.createStatement()) {
            s.execute("CREATE TABLE t (id bigint PRIMARY KEY, due timestamptz NOT NULL, picked boolean NOT NULL "
                    + "DEFAULT false)");
            s.execute("INSERT INTO t (id, due, picked) SELECT g, now(), false FROM generate_series(0, " + (n - 1) + ") g");
            s.execute("CREATE INDEX t_due_id_unpicked ON t (due, id) WHERE NOT picked");
            s.execute("VACUUM ANALYZE t");
            s.execute("CHECKPOINT");
            boolean profiled = StatementProfile.install(admin);
            Thread.sleep(1500);
            long commits0 = profiled ? StatementProfile.reset(admin) : 0;
            long done = 0;
            Window w;
            try (Connection c = ds.getConnection();
                    PreparedStatement claim = c.prepareStatement("UPDATE t SET picked = true WHERE id IN (SELECT id "
                            + "FROM t WHERE NOT picked ORDER BY due, id LIMIT 10 FOR UPDATE SKIP LOCKED) RETURNING id");
                    PreparedStatement del = c.prepareStatement("DELETE FROM t WHERE id = ANY(?)")) {
                w = Window.start(Window.postmasterOf(admin));
                Long[] ids = new Long[10];
                while (true) {
                    int k = 0;
                    try (ResultSet rs = claim.executeQuery()) {
                        while (rs.next()) {
                            ids[k++] = rs.getLong(1);
                        }
                    }
                    if (k == 0) {
                        break;
                    }
                    done += k;
                    Array a = c.createArrayOf("bigint", Arrays.copyOf(ids, k));
                    del.setArray(1, a);
                    del.executeUpdate();
                    a.free();
                }
            }
            Window.Measured m = w.stop(done);
            ds.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(300);
            return new Run(m, profiled ? StatementProfile.read(admin, commits0, done, 4) : null);
        } finally {
            server.drop(db);
        }
    }

    private static long count(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
