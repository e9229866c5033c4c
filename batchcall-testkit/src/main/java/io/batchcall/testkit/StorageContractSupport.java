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
    /** The account most tests use. */
    protected static final AccountId ACCOUNT = AccountId.of("acme");
    /** A second account, for isolation tests. */
    protected static final AccountId OTHER_ACCOUNT = AccountId.of("globex");
    /** The lease every test claim takes. */
    protected static final Duration LEASE = Duration.ofMinutes(5);

    /** The test clock, at {@link #T0} when each test starts. */
    protected MutableClock clock;
    /** The storage under test: a fresh one from {@link #newStorage} before every test. */
    protected Storage storage;

    /**
     * Returns a fresh, empty storage; called before every test. {@code clock} is the clock the
     * storage must use to stamp batch-update events.
     *
     * @param clock the test clock
     * @return the storage under test
     */
    protected abstract Storage newStorage(Clock clock);

    @BeforeEach
    final void createStorage() {
        clock = MutableClock.at(T0);
        storage = newStorage(clock);
    }

    /**
     * A distinct Berlin number for each {@code i}.
     *
     * @param i the index
     * @return the number
     */
    protected static PhoneNumber phone(int i) {
        return new PhoneNumber("+4930" + (1_000_000 + i));
    }

    /** The account limits each batch was made with (account limits live with the engine, not the store). */
    private final Map<BatchId, AccountLimits> accountLimits = new HashMap<>();

    /**
     * A spec with a 09:00-17:00 Berlin window and the policy's batch limit when it binds.
     *
     * @param name the batch name
     * @param account the owning account
     * @param policy the concurrency policy whose batch limit is used
     * @return the spec
     */
    protected static BatchSpec spec(String name, AccountId account, ConcurrencyPolicy policy) {
        CallWindow window = CallWindow.of(LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Europe/Berlin"));
        return BatchSpec.builder(name, account, new PhoneNumber("+4930999999"), window)
                .batchLimit(policy.batchLimit() < policy.outboundCeiling() ? policy.batchLimit() : null).build();
    }

    /**
     * Creates a draft batch with default limits.
     *
     * @param name the batch name
     * @param account the owning account
     * @return the stored draft
     */
    protected Batch draft(String name, AccountId account) {
        return storage.batches().create(NewBatch.draft(spec(name, account, ConcurrencyPolicy.ofDefaults()), now()));
    }

    /**
     * A batch created straight in running status with the given policy.
     *
     * @param account the owning account
     * @param policy the limits claims of this batch use
     * @return the stored batch
     */
    protected Batch running(AccountId account, ConcurrencyPolicy policy) {
        Batch b = storage.batches().create(new NewBatch(spec("running", account, policy), BatchStatus.RUNNING, null, -1,
                null, now()));
        accountLimits.put(b.id(), new AccountLimits(policy.accountCap(), policy.reserved()));
        return b;
    }

    /**
     * Creates a running batch of {@link #ACCOUNT} with default limits.
     *
     * @return the stored batch
     */
    protected Batch running() {
        return running(ACCOUNT, ConcurrencyPolicy.ofDefaults());
    }

    /**
     * Imports recipients with numbers {@code phone(from)} … {@code phone(from + n - 1)}; returns them in id order.
     *
     * @param batch the batch to add to
     * @param from the first number's index
     * @param n how many recipients
     * @return every recipient of the batch, in id order
     */
    protected List<Recipient> addRecipients(BatchId batch, int from, int n) {
        List<NewRecipient> chunk = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            chunk.add(new NewRecipient(phone(i), "Person " + i, Map.of("i", Integer.toString(i)), ""));
        }
        return importAll(batch, chunk);
    }

    /**
     * Imports recipients in one committed session.
     *
     * @param batch the batch to add to
     * @param recipients the recipients
     * @return every recipient of the batch, in id order
     */
    protected List<Recipient> importAll(BatchId batch, List<NewRecipient> recipients) {
        try (ImportSession session = storage.recipients().openImport(batch)) {
            session.add(recipients);
            session.commit();
        }
        return allRecipients(batch);
    }

    /**
     * Reads every recipient of a batch, page by page.
     *
     * @param batch the batch
     * @return the recipients in id order
     */
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

    /** {@return the test clock's current instant} */
    protected Instant now() {
        return clock.instant();
    }

    /**
     * A claim request from {@code node-a} with a {@link #LEASE} lease and the batch's policy.
     *
     * @param batch the batch to claim from
     * @param max the most recipients to claim
     * @return the request
     */
    protected ClaimRequest claimRequest(Batch batch, int max) {
        return new ClaimRequest(batch.id(), batch.account(), policyOf(batch), now(), now().plus(LEASE),
                "node-a", max, null);
    }

    /**
     * The policy an engine would claim under for this batch: the account limits the test gave when
     * it made the batch (default cap 20), with the batch's own limit.
     *
     * @param batch the batch
     * @return the policy
     */
    protected ConcurrencyPolicy policyOf(Batch batch) {
        AccountLimits limits = accountLimits.getOrDefault(batch.id(), AccountLimits.ofDefaults());
        return ConcurrencyPolicy.of(limits, batch.spec().batchLimit());
    }

    /**
     * Claims up to {@code max} recipients of the batch.
     *
     * @param batch the batch
     * @param max the most recipients to claim
     * @return the claims
     */
    protected List<Claim> claim(Batch batch, int max) {
        return storage.calls().claim(claimRequest(batch, max));
    }

    /**
     * Claims exactly one recipient of the batch.
     *
     * @param batch the batch
     * @return the claim
     * @throws AssertionError if not exactly one recipient was claimed
     */
    protected Claim claimOne(Batch batch) {
        List<Claim> claims = claim(batch, 1);
        if (claims.size() != 1) {
            throw new AssertionError("expected to claim one recipient of batch " + batch.id() + ", but got " + claims);
        }
        return claims.get(0);
    }

    /**
     * Claims one recipient and marks its call placed with call id {@code "CA-" + attempt id}.
     *
     * @param batch the batch
     * @return the claim
     */
    protected Claim placeOne(Batch batch) {
        Claim c = claimOne(batch);
        if (!storage.calls().markPlaced(c.attempt().account(), c.attempt().id(), callId(c.attempt().id()), now())) {
            throw new AssertionError("markPlaced refused a fresh claim " + c);
        }
        return c;
    }

    /**
     * The call id {@link #placeOne} records for an attempt.
     *
     * @param id the attempt
     * @return {@code "CA-"} followed by the attempt id
     */
    protected static String callId(AttemptId id) {
        return "CA-" + id.value();
    }

    /**
     * Applies a carrier status to an attempt (61 s talk time for completed).
     *
     * @param id the attempt
     * @param status the carrier status
     * @return true when the store applied it, false when it was ignored
     */
    protected boolean carrier(AttemptId id, RecipientStatus status) {
        AccountId account = storage.calls().attempt(id).map(CallAttempt::account).orElse(ACCOUNT);
        return storage.calls().applyCarrierStatus(account, id, update(status, null)).isPresent();
    }

    /**
     * A carrier update at the current instant (61 s talk time for completed).
     *
     * @param status the carrier status
     * @param reason the carrier's error text; may be null
     * @return the update
     */
    protected CarrierUpdate update(RecipientStatus status, String reason) {
        Duration talk = status == RecipientStatus.COMPLETED ? Duration.ofSeconds(61) : null;
        return new CarrierUpdate(status, now(), null, talk, reason);
    }

    /**
     * Claims one recipient and takes its call through to {@code outcome} (a carrier end status).
     *
     * @param batch the batch
     * @param outcome a terminal carrier status
     * @return the claim
     * @throws AssertionError if the store ignored the status
     */
    protected Claim finishOne(Batch batch, RecipientStatus outcome) {
        Claim c = placeOne(batch);
        if (!carrier(c.attempt().id(), outcome)) {
            throw new AssertionError("the carrier status " + outcome + " was ignored for " + c);
        }
        return c;
    }

    /**
     * Loads a recipient that must exist.
     *
     * @param id the recipient
     * @return the recipient
     */
    protected Recipient recipient(RecipientId id) {
        return storage.recipients().find(id).orElseThrow();
    }

    /**
     * Loads an attempt that must exist.
     *
     * @param id the attempt
     * @return the attempt
     */
    protected CallAttempt attempt(AttemptId id) {
        return storage.calls().attempt(id).orElseThrow();
    }

    /**
     * Loads a batch that must exist.
     *
     * @param id the batch
     * @return the batch
     */
    protected Batch batch(BatchId id) {
        return storage.batches().find(id).orElseThrow();
    }

    /**
     * Every event after {@code cursor}, read in pages of 7 to exercise paging.
     *
     * @param cursor the last sequence already read
     * @return the events of {@link #ACCOUNT} after it
     */
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

    /**
     * The given zone keys as a set.
     *
     * @param keys the zone keys
     * @return an immutable set
     */
    protected static Set<String> zones(String... keys) {
        return Set.of(keys);
    }
}
