package io.batchcall.jdbc;

import io.batchcall.inmemory.InMemoryStorage;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.Storage;
import io.batchcall.testkit.BatchStoreContract;
import io.batchcall.testkit.CallEndingsContract;
import io.batchcall.testkit.CallLifecycleContract;
import io.batchcall.testkit.CallRecoveryContract;
import io.batchcall.testkit.ClaimContract;
import io.batchcall.testkit.ConcurrentClaimContract;
import io.batchcall.testkit.ContactStoreContract;
import io.batchcall.testkit.CreditLedgerConcurrencyContract;
import io.batchcall.testkit.CreditLedgerContract;
import io.batchcall.testkit.EventLogContract;
import io.batchcall.testkit.RecipientMovesContract;
import io.batchcall.testkit.RecipientStoreContract;
import io.batchcall.testkit.OutcomesContract;
import io.batchcall.testkit.SettlementContract;
import io.batchcall.testkit.StorageModelContract;
import io.batchcall.testkit.SubscriptionStoreContract;
import io.batchcall.testkit.WebhookStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/**
 * Every storage and ledger contract suite of the testkit, unchanged, as nested classes against the
 * database a subclass provides; the model check compares it with the in-memory reference.
 */
abstract class JdbcContractSuites {
    /** The database under test, shared by every nested suite of the class. */
    protected abstract ContractDatabase db();

    @Nested
    class Batches extends BatchStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Recipients extends RecipientStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class RecipientMoves extends RecipientMovesContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Claims extends ClaimContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class ConcurrentClaims extends ConcurrentClaimContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class CallLifecycle extends CallLifecycleContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class CallEndings extends CallEndingsContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class CallRecovery extends CallRecoveryContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Events extends EventLogContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Subscriptions extends SubscriptionStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Model extends StorageModelContract {
        @Override
        protected Storage newReference(Clock clock) {
            return InMemoryStorage.create(clock);
        }

        @Override
        protected Storage newSubject(Clock clock) {
            return db().storage(clock);
        }
    }

    @Nested
    class Settlement extends SettlementContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }

        @Override
        protected CreditLedger newLedger(Clock clock) {
            return db().ledger();
        }
    }

    @Nested
    class Outcomes extends OutcomesContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }

        @Override
        protected CreditLedger newLedger(Clock clock) {
            return db().ledger();
        }
    }

    @Nested
    class Contacts extends ContactStoreContract {
        @Override
        protected Storage newStorage(Clock clock) {
            return db().storage(clock);
        }

        @Override
        protected java.util.List<String> rawTextHolding(String text) {
            return db().textHolding(text);
        }
    }

    @Nested
    class Ledger extends CreditLedgerContract {
        @Override
        protected CreditLedger newLedger() {
            return db().ledger();
        }
    }

    @Nested
    class LedgerConcurrency extends CreditLedgerConcurrencyContract {
        @Override
        protected CreditLedger newLedger() {
            return db().ledger();
        }
    }
}
