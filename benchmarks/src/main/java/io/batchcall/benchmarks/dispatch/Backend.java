package io.batchcall.benchmarks.dispatch;

import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.inmemory.InMemoryCreditLedger;
import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** Where the engines of one run keep their state: a PostgreSQL database, an H2 file database, or memory. */
abstract class Backend implements AutoCloseable {

    /** The storage and ledger of one engine. */
    record Node(Storage storage, CreditLedger ledger) {
    }

    abstract String name();

    /** Engine {@code i}'s storage and ledger; engine 0 migrates. */
    abstract Node node(int i, Clock clock) throws Exception;

    /** The PostgreSQL postmaster to count the CPU of, or 0. */
    long postmaster() throws Exception {
        return 0;
    }

    /** Before a measured window: statistics as autovacuum would have them on a database in use. */
    void analyze() throws Exception {
    }

    /** Starts the statement profile of a window (resets counters); false if there is none. */
    boolean startProfile() throws Exception {
        return false;
    }

    /** The statement profile since {@link #startProfile}, after the engines closed; null if none. */
    StatementProfile.Profile profile(long items) throws Exception {
        return null;
    }

    static Backend postgres(BenchServer server) throws SQLException {
        return new Pg(server);
    }

    static Backend h2(Path dir) {
        return new H2(dir);
    }

    static Backend memory() {
        return new Memory();
    }

    private static final class Pg extends Backend {
        private final BenchServer server;
        private final String db;
        private final List<HikariDataSource> pools = new ArrayList<>();
        private final HikariDataSource admin;
        private final boolean profiled;
        private long commits0;

        Pg(BenchServer server) throws SQLException {
            this.server = server;
            this.db = server.createDatabase("batchcall");
            this.admin = PeerRuns.pool(server, db, 1);
            try (Connection c = admin.getConnection()) {
                this.profiled = StatementProfile.install(c);
            }
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        Node node(int i, Clock clock) {
            HikariDataSource ds = PeerRuns.pool(server, db, 12);
            pools.add(ds);
            return new Node(JdbcStorage.builder(ds).clock(clock).migrate(i == 0).build(),
                    JdbcCreditLedger.builder(ds).clock(clock).migrate(i == 0).build());
        }

        @Override
        long postmaster() throws Exception {
            try (Connection c = admin.getConnection()) {
                return Window.postmasterOf(c);
            }
        }

        @Override
        void analyze() throws Exception {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
                s.execute("CHECKPOINT");
            }
            Thread.sleep(1500); // idle backends flush their statistics
        }

        @Override
        boolean startProfile() throws Exception {
            if (profiled) {
                try (Connection c = admin.getConnection()) {
                    commits0 = StatementProfile.reset(c);
                }
            }
            return profiled;
        }

        @Override
        StatementProfile.Profile profile(long items) throws Exception {
            if (!profiled) {
                return null;
            }
            pools.forEach(HikariDataSource::close);
            Thread.sleep(500);
            try (Connection c = admin.getConnection()) {
                return StatementProfile.read(c, commits0, items, 20);
            }
        }

        @Override
        public void close() throws Exception {
            pools.forEach(HikariDataSource::close);
            admin.close();
            server.drop(db);
        }
    }

    private static final class H2 extends Backend {
        private final Path dir;
        private final JdbcConnectionPool pool;
        private final CountingDataSource counting;
        private final DataSource dataSource;
        private long statements0;
        private long commits0;

        H2(Path dir) {
            this.dir = dir;
            this.pool = JdbcConnectionPool.create("jdbc:h2:" + dir.resolve("dispatch"), "sa", "");
            pool.setMaxConnections(24);
            // -Dbench.h2Count=false: no counting proxy (its reflection costs JVM CPU), no statement profile
            this.counting = Boolean.parseBoolean(System.getProperty("bench.h2Count", "true"))
                    ? new CountingDataSource(pool) : null;
            this.dataSource = counting == null ? pool : counting.dataSource();
        }

        @Override
        String name() {
            return "H2 file database";
        }

        @Override
        Node node(int i, Clock clock) {
            DataSource ds = dataSource;
            return new Node(JdbcStorage.builder(ds).clock(clock).migrate(i == 0).build(),
                    JdbcCreditLedger.builder(ds).clock(clock).migrate(i == 0).build());
        }

        @Override
        boolean startProfile() {
            if (counting == null) {
                return false;
            }
            statements0 = counting.statements.sum();
            commits0 = counting.commits.sum();
            return true;
        }

        @Override
        StatementProfile.Profile profile(long items) {
            if (counting == null) {
                return null;
            }
            return new StatementProfile.Profile(counting.statements.sum() - statements0,
                    counting.commits.sum() - commits0, List.of());
        }

        @Override
        public void close() throws IOException {
            pool.dispose();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static final class Memory extends Backend {
        private InMemoryStorage storage;
        private final InMemoryCreditLedger ledger = InMemoryCreditLedger.create();

        @Override
        String name() {
            return "in memory";
        }

        @Override
        Node node(int i, Clock clock) {
            if (storage == null) {
                storage = InMemoryStorage.create(clock);
            }
            return new Node(storage, ledger);
        }

        @Override
        public void close() {
        }
    }
}
