package io.batchcall.testkit;

import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture shared by the storage contract suites: a fresh, empty {@link Storage} per test, a
 * {@link MutableClock} standing at {@link #T0}, and helpers to build batches, recipients and calls.
 * Times are whole seconds, so any backend that keeps microseconds compares equal.
 */
public abstract class StorageContractSupport {
    /** Where the clock stands when each test starts. */
    protected static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    protected static final AccountId ACCOUNT = AccountId.of("acme");
    protected static final AccountId OTHER_ACCOUNT = AccountId.of("globex");
    protected static final Duration LEASE = Duration.ofMinutes(5);

    protected MutableClock clock;
    protected Storage storage;

    /**
     * Returns a fresh, empty storage; called before every test. {@code clock} is the clock the
     * storage must use to stamp batch-update events.
     */
    protected abstract Storage newStorage(Clock clock);

    @BeforeEach
    final void createStorage() {
        clock = MutableClock.at(T0);
        storage = newStorage(clock);
    }

    protected static PhoneNumber phone(int i) {
        return new PhoneNumber("+4930" + (1_000_000 + i));
    }

    /** The account limits each batch was made with (account limits live with the engine, not the store). */
    private final Map<BatchId, AccountLimits> accountLimits = new HashMap<>();

    protected static BatchSpec spec(String name, AccountId account, ConcurrencyPolicy policy) {
        CallWindow window = CallWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Europe/Berlin"));
        return BatchSpec.builder(name, account, new PhoneNumber("+4930999999"), window)
                .batchLimit(policy.batchLimit() < policy.outboundCeiling() ? policy.batchLimit() : null).build();
    }

    protected Batch draft(String name, AccountId account) {
        return storage.batches().create(NewBatch.draft(spec(name, account, ConcurrencyPolicy.ofDefaults()), now()));
    }

    /** A batch created straight in running status with the given policy. */
    protected Batch running(AccountId account, ConcurrencyPolicy policy) {
        Batch b = storage.batches().create(new NewBatch(spec("running", account, policy), BatchStatus.RUNNING, null, -1,
                null, now()));
        accountLimits.put(b.id(), new AccountLimits(policy.accountCap(), policy.reserved()));
        return b;
    }

    protected Batch running() {
        return running(ACCOUNT, ConcurrencyPolicy.ofDefaults());
    }

    /** Imports recipients with numbers {@code phone(from)} … {@code phone(from + n - 1)}; returns them in id order. */
    protected List<Recipient> addRecipients(BatchId batch, int from, int n) {
        List<NewRecipient> chunk = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            chunk.add(new NewRecipient(phone(i), "Person " + i, Map.of("i", Integer.toString(i)), ""));
        }
        return importAll(batch, chunk);
    }

    protected List<Recipient> importAll(BatchId batch, List<NewRecipient> recipients) {
        try (ImportSession session = storage.recipients().openImport(batch)) {
            session.add(recipients);
            session.commit();
        }
        return allRecipients(batch);
    }

    protected List<Recipient> allRecipients(BatchId batch) {
        List<Recipient> all = new ArrayList<>();
        RecipientQuery page = RecipientQuery.first(1000);
        while (true) {
            List<Recipient> next = storage.recipients().list(batch, page);
            all.addAll(next);
            if (next.size() < page.limit()) {
                return all;
            }
            page = new RecipientQuery(null, next.get(next.size() - 1).id(), page.limit());
        }
    }

    protected Instant now() {
        return clock.instant();
    }

    protected ClaimRequest claimRequest(Batch batch, int max) {
        return new ClaimRequest(batch.id(), batch.account(), policyOf(batch), now(), now().plus(LEASE),
                "node-a", max, null);
    }

    /**
     * The policy an engine would claim under for this batch: the account limits the test gave when
     * it made the batch (default cap 20), with the batch's own limit.
     */
    protected ConcurrencyPolicy policyOf(Batch batch) {
        AccountLimits limits = accountLimits.getOrDefault(batch.id(), AccountLimits.ofDefaults());
        return ConcurrencyPolicy.of(limits, batch.spec().batchLimit());
    }

    protected List<Claim> claim(Batch batch, int max) {
        return storage.calls().claim(claimRequest(batch, max));
    }

    /** Claims exactly one recipient of the batch. */
    protected Claim claimOne(Batch batch) {
        List<Claim> claims = claim(batch, 1);
        if (claims.size() != 1) {
            throw new AssertionError("expected to claim one recipient of batch " + batch.id() + ", but got " + claims);
        }
        return claims.get(0);
    }

    /** Claims one recipient and marks its call placed with call id {@code "CA-" + attempt id}. */
    protected Claim placeOne(Batch batch) {
        Claim c = claimOne(batch);
        if (!storage.calls().markPlaced(c.attempt().id(), callId(c.attempt().id()), now())) {
            throw new AssertionError("markPlaced refused a fresh claim " + c);
        }
        return c;
    }

    protected static String callId(AttemptId id) {
        return "CA-" + id.value();
    }

    protected boolean carrier(AttemptId id, RecipientStatus status) {
        return storage.calls().applyCarrierStatus(id, update(status, null)).isPresent();
    }

    protected CarrierUpdate update(RecipientStatus status, String reason) {
        Duration talk = status == RecipientStatus.COMPLETED ? Duration.ofSeconds(61) : null;
        return new CarrierUpdate(status, now(), null, talk, reason);
    }

    /** Claims one recipient and takes its call through to {@code outcome} (a carrier end status). */
    protected Claim finishOne(Batch batch, RecipientStatus outcome) {
        Claim c = placeOne(batch);
        if (!carrier(c.attempt().id(), outcome)) {
            throw new AssertionError("the carrier status " + outcome + " was ignored for " + c);
        }
        return c;
    }

    protected Recipient recipient(RecipientId id) {
        return storage.recipients().find(id).orElseThrow();
    }

    protected CallAttempt attempt(AttemptId id) {
        return storage.calls().attempt(id).orElseThrow();
    }

    protected Batch batch(BatchId id) {
        return storage.batches().find(id).orElseThrow();
    }

    /** Every event after {@code cursor}, read in pages of 7 to exercise paging. */
    protected List<StatusEvent> eventsAfter(long cursor) {
        List<StatusEvent> all = new ArrayList<>();
        long c = cursor;
        while (true) {
            List<StatusEvent> page = storage.events().after(ACCOUNT, c, 7);
            all.addAll(page);
            if (page.isEmpty()) {
                return all;
            }
            c = page.get(page.size() - 1).sequence();
        }
    }

    protected static Set<String> zones(String... keys) {
        return Set.of(keys);
    }
}
