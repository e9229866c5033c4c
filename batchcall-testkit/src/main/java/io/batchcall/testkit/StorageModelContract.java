package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.model.AccountId;
import io.batchcall.spi.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The model check of a {@link Storage}: random sequences of operations (imports, claims, carrier
 * statuses, releases, retries, re-runs, bulk moves, leases, batch updates and deletes, inbound
 * calls, time passing) run against a reference storage and the storage under test must give the
 * same answers, and leave the same observable state and event log behind. Ids may differ between
 * the two; results are compared with ids replaced by stable handles ({@link ModelSide}).
 *
 * <p>Subclass it with the in-memory storage as the reference:
 * <pre>{@code
 * class JdbcStorageModelTest extends StorageModelContract {
 *     protected Storage newReference(Clock clock) { return InMemoryStorage.create(clock); }
 *     protected Storage newSubject(Clock clock) { return ...; }
 * }
 * }</pre>
 */
public abstract class StorageModelContract {
    static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    static final List<AccountId> ACCOUNTS = List.of(AccountId.of("acme"), AccountId.of("globex"));

    /**
     * A fresh, empty reference storage (usually the in-memory one); called once per example.
     *
     * @param clock the shared test clock
     * @return the reference storage
     */
    protected abstract Storage newReference(Clock clock);

    /**
     * A fresh, empty storage under test; called once per example.
     *
     * @param clock the shared test clock
     * @return the storage under test
     */
    protected abstract Storage newSubject(Clock clock);

    /** {@return the number of random sequences tried; 100 by default} */
    protected int examples() {
        return 100;
    }

    /** {@return the longest sequence tried; 60 by default} */
    protected int maxOperations() {
        return 60;
    }

    @Test
    void randomOperationSequencesAgreeWithTheReference() {
        Gen<Integer> kind = integers().between(0, ModelOp.WEIGHTED.length - 1).map(k -> ModelOp.WEIGHTED[k]);
        Gen<Integer> arg = integers().between(0, 1000);
        Gen<ModelOp> op = kind.zip(arg, arg, arg, ModelOp::new);
        qt().withExamples(examples()).forAll(lists().of(op).ofSizeBetween(1, maxOperations())).checkAssert(this::check);
    }

    private void check(List<ModelOp> ops) {
        MutableClock clock = MutableClock.at(T0);
        ModelSide reference = new ModelSide(newReference(clock));
        ModelSide subject = new ModelSide(newSubject(clock));
        List<ModelOp> all = new ArrayList<>(ModelOp.PRELUDE);
        all.addAll(ops);
        for (int i = 0; i < all.size(); i++) {
            ModelOp op = all.get(i);
            if (op.kind() == ModelOp.ADVANCE) {
                clock.advance(Duration.ofSeconds(45L * (op.a() % 8)));
                continue;
            }
            Object expected = op.apply(reference, clock.instant());
            Object actual = op.apply(subject, clock.instant());
            assertThat(actual).as("result of operation %d, %s, in %s", i, op, all).isEqualTo(expected);
            for (AccountId account : ACCOUNTS) {
                assertThat(subject.storage.calls().activeCalls(account))
                        .as("active calls of %s after operation %d, %s, in %s", account, i, op, all)
                        .isEqualTo(reference.storage.calls().activeCalls(account));
            }
        }
        assertThat(subject.snapshot(ACCOUNTS)).as("state after %s", all).isEqualTo(reference.snapshot(ACCOUNTS));
    }
}
