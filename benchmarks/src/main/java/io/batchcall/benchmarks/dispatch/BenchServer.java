package io.batchcall.benchmarks.dispatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server every PostgreSQL run of one benchmark run uses: by default an embedded
 * PostgreSQL started here with default durability (fsync and synchronous commit on, as the peer
 * benchmark's server) and {@code pg_stat_statements} preloaded; or the server {@code
 * BATCHCALL_PG_URL} names (then {@code pg_stat_statements} must be preloaded there for the
 * statement profile). Each run gets a fresh database, dropped afterwards.
 */
final class BenchServer implements AutoCloseable {
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String description;
    private final EmbeddedPostgres embedded;
    private final AtomicInteger counter = new AtomicInteger();

    private BenchServer(String adminUrl, String user, String password, String description, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
    }

    static BenchServer start() throws IOException {
        String url = System.getenv("BATCHCALL_PG_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("BATCHCALL_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("BATCHCALL_PG_PASSWORD", "");
            return new BenchServer(url, user, password, "external PostgreSQL at " + url, null);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new BenchServer("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "",
                "embedded PostgreSQL (fsync on, synchronous_commit on) on port " + pg.getPort(), pg);
    }

    String description() {
        return description;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A new database named after {@code hint}; {@link #drop} it afterwards. */
    String createDatabase(String hint) throws SQLException {
        String name = "dispatch_" + hint + "_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return name;
    }

    void drop(String database) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    String url(String database) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
