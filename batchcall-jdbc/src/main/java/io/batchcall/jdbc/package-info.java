/**
 * Storage and credit ledger on JDBC: {@link io.batchcall.jdbc.JdbcStorage},
 * {@link io.batchcall.jdbc.JdbcCreditLedger} and the schema {@link io.batchcall.jdbc.Migrations}.
 *
 * <p><b>Databases.</b> PostgreSQL (production; several engine nodes may share one database) and
 * embedded H2 (single node). The few differences live in one internal dialect interface: claims
 * ({@code FOR UPDATE SKIP LOCKED} on a partial index vs. an optimistic guarded update on H2),
 * insert-if-absent ({@code ON CONFLICT DO NOTHING} vs. {@code MERGE}), imports (COPY vs. JDBC
 * batches) and durability (H2 checkpoints after a claim when it delays writes).
 *
 * <p><b>Time.</b> Instants are BIGINT microseconds since the epoch (columns ending in {@code _us}):
 * exact, sortable, and read the same whatever the session or JVM time zone.
 *
 * <p><b>Event log order.</b> Events are inserted unnumbered by the writing transaction and numbered
 * after commit by whichever reader comes next, under a single counter-row lock, so a reader never
 * sees a lower sequence appear behind a higher one (see {@code internal.EventSequencer}).
 *
 * <p>Everything in {@code io.batchcall.jdbc.internal} may change without notice.
 */
package io.batchcall.jdbc;
