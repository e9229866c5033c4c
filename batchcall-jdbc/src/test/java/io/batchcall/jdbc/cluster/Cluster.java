package io.batchcall.jdbc.cluster;

import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.batchcall.BatchCalls;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.Tariff;
import io.batchcall.spi.Telephony;
import io.batchcall.testkit.MutableClock;
import io.batchcall.testkit.postgres.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Several engine nodes on one PostgreSQL database, each with its own connection pool, driven by a
 * shared test clock and a shared simulated carrier. Each node runs its engine step in a loop on
 * its own thread.
 */
final class Cluster implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-02T14:00:00Z");

    final MutableClock clock = MutableClock.at(START);
    final SimulatedTelephony carrier;
    final List<Node> nodes = new ArrayList<>();
    private final PostgresDatabase db;
    private final List<HikariDataSource> pools = new ArrayList<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Account limits every node's engine uses (cap 20 for accounts not listed). */
    final Map<AccountId, AccountLimits> limits = new ConcurrentHashMap<>();

    private final boolean singleAccount;

    Cluster(PostgresDatabase db, SimulationSettings sim) {
        this(db, sim, false);
    }

    /**
     * @param singleAccount whether the nodes run in the {@linkplain io.batchcall.jdbc.SingleAccountMode
     *     single-account mode} (a role bound by row-level security to one account per transaction)
     */
    Cluster(PostgresDatabase db, SimulationSettings sim, boolean singleAccount) {
        this.db = db;
        this.carrier = new SimulatedTelephony(clock, sim);
        this.singleAccount = singleAccount;
        if (singleAccount) {
            try {
                pools.add(io.batchcall.jdbc.SingleAccountMode.prepare(db));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot set up the single-account mode", e);
            }
        }
    }

    /** A node with its own pool; {@code telephony} wraps the shared carrier, or is it. */
    Node addNode(String name, Telephony telephony) {
        HikariDataSource pool = pool(name);
        JdbcStorage storage;
        JdbcCreditLedger ledger;
        if (singleAccount) {
            var backend = io.batchcall.jdbc.SingleAccountMode.backend(pool, clock);
            storage = backend.storage();
            ledger = backend.ledger();
        } else {
            storage = JdbcStorage.builder(pool).clock(clock).migrate(nodes.isEmpty()).build();
            ledger = JdbcCreditLedger.builder(pool).clock(clock).migrate(nodes.isEmpty()).build();
        }
        BatchCalls calls = BatchCalls.builder(storage, telephony, ledger).clock(clock).nodeName(name)
                .accountLimits(account -> limits.getOrDefault(account, AccountLimits.ofDefaults()))
                .tariff(Tariff.of(Money.usd("0.01"))).lease(Duration.ofMinutes(5))
                .staleCallAfter(Duration.ofMinutes(30)).dialThreads(3).shutdownWait(Duration.ZERO).build();
        if (nodes.isEmpty()) {
            carrier.connect(calls.statusSink());
        }
        Node node = new Node(name, pool, storage, ledger, calls);
        nodes.add(node);
        return node;
    }

    HikariDataSource pool(String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(singleAccount ? io.batchcall.jdbc.SingleAccountMode.ROLE : db.user());
        c.setPassword(singleAccount ? io.batchcall.jdbc.SingleAccountMode.ROLE : db.password());
        c.setConnectionInitSql(db.sessionInitSql());
        c.setMaximumPoolSize(6);
        c.setMinimumIdle(0);
        c.setPoolName(name);
        c.addDataSourceProperty("ApplicationName", name);
        HikariDataSource ds = new HikariDataSource(c);
        pools.add(ds);
        return ds;
    }

    void startAll() {
        nodes.forEach(Node::startLoop);
    }

    /**
     * Advances the shared clock in small steps (about 40x real time), delivering carrier events
     * and checking {@code invariant} at every step, until {@code done}.
     */
    void driveUntil(BooleanSupplier done, Runnable invariant, Duration realLimit) throws InterruptedException {
        long deadline = System.nanoTime() + realLimit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(failure.get()).isNull();
            assertThat(System.nanoTime()).as("cluster did not finish in %s", realLimit).isLessThan(deadline);
            clock.advance(Duration.ofMillis(50));
            carrier.deliverDue();
            invariant.run();
            Thread.sleep(1);
        }
    }

    boolean allCompleted(List<Batch> batches) {
        Node any = nodes.get(0);
        for (Batch b : batches) {
            if (any.calls.batch(b.id()).batch().status() != BatchStatus.COMPLETED) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.stopLoop();
        }
        carrier.close();
        pools.forEach(HikariDataSource::close);
    }

    /** One engine node: its pool, stores, facade and loop thread. */
    final class Node {
        final String name;
        final HikariDataSource pool;
        final JdbcStorage storage;
        final JdbcCreditLedger ledger;
        final BatchCalls calls;
        final AtomicBoolean running = new AtomicBoolean();
        Thread loop;

        Node(String name, HikariDataSource pool, JdbcStorage storage, JdbcCreditLedger ledger, BatchCalls calls) {
            this.name = name;
            this.pool = pool;
            this.storage = storage;
            this.ledger = ledger;
            this.calls = calls;
        }

        void startLoop() {
            running.set(true);
            loop = new Thread(() -> {
                try {
                    while (running.get()) {
                        calls.runOnce();
                        Thread.sleep(10);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "cluster-" + name);
            loop.setDaemon(true);
            loop.start();
        }

        /** Stops the loop without any cleanup, as if the node died (its dial threads are left as they are). */
        void stopLoop() {
            running.set(false);
        }

        BatchStatus status(BatchId id) {
            return calls.batch(id).batch().status();
        }
    }

    static AccountId account(String name) {
        return AccountId.of(name);
    }
}
