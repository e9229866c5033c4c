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
 * <p><b>Event log order.</b> Each account's events are numbered at insert from the account's own
 * counter ({@code accounts.event_seq}), whose row the writing transaction keeps locked until it
 * commits, so an account's events become visible in sequence order and no counter is shared
 * between accounts (see {@code internal.EventWriter}).
 *
 * <p><b>Settlement.</b> A terminal call status sets the attempt's {@code settle_due} in the same
 * statement; settling (the capture, the cost, the retry) clears it in one later transaction.
 *
 * <p>Everything in {@code io.batchcall.jdbc.internal} may change without notice.
 */
package io.batchcall.jdbc;
