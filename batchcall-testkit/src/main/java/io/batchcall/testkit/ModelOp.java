package io.batchcall.testkit;

import io.batchcall.ConcurrentUpdateException;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.NotFoundException;
import io.batchcall.model.AccountId;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.Money;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PauseReason;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.BatchQuery;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.DuplicateRunException;
import io.batchcall.spi.ImportSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One random storage operation of the model check. {@code a}, {@code b} and {@code c} are
 * arbitrary non-negative numbers the operation picks its targets and arguments from.
 */
record ModelOp(int kind, int a, int b, int c) {
    static final int CREATE = 0;
    static final int IMPORT = 1;
    static final int CLAIM = 2;
    static final int MARK_PLACED = 3;
    static final int CARRIER = 4;
    static final int RELEASE = 5;
    static final int FINISH_UNDIALED = 6;
    static final int REQUEUE = 7;
    static final int RECORD_COST = 8;
    static final int SKIP_PENDING = 9;
    static final int REQUEUE_ALL = 10;
    static final int ADVANCE = 11;
    static final int INBOUND = 12;
    static final int TAKE_OVER = 13;
    static final int TOUCH = 14;
    static final int UPDATE_BATCH = 15;
    static final int COPY = 16;
    static final int DELETE = 17;
    static final int EXPIRED = 18;
    static final int STALE = 19;
    static final int QUERY = 20;
    static final int KINDS = 21;

    /** Operation kinds drawn from, each as often as it is listed: calls and their statuses dominate. */
    static final int[] WEIGHTED = {CREATE, IMPORT, IMPORT, CLAIM, CLAIM, CLAIM, CLAIM, CLAIM, CLAIM, MARK_PLACED,
        MARK_PLACED, MARK_PLACED, MARK_PLACED, CARRIER, CARRIER, CARRIER, CARRIER, CARRIER, CARRIER, CARRIER,
        CARRIER, RELEASE, RELEASE, FINISH_UNDIALED, REQUEUE, REQUEUE, RECORD_COST, SKIP_PENDING, REQUEUE_ALL,
        ADVANCE, ADVANCE, INBOUND, TAKE_OVER, TOUCH, UPDATE_BATCH, COPY, DELETE, EXPIRED, STALE, QUERY};

    /** Every sequence starts here: three batches (two of one account) with six recipients each. */
    static final List<ModelOp> PRELUDE = List.of(new ModelOp(CREATE, 0, 0, 1), new ModelOp(CREATE, 0, 1, 1),
            new ModelOp(CREATE, 1, 2, 1), new ModelOp(IMPORT, 0, 0, 5), new ModelOp(IMPORT, 1, 3, 5),
            new ModelOp(IMPORT, 2, 0, 5));

    private static final String[] NAMES = {"create", "import", "claim", "markPlaced", "carrier", "release",
        "finishUndialed", "settleWithRetry", "settle", "skipPending", "requeueAll", "advance", "inbound", "takeOver",
        "touch", "updateBatch", "copy", "delete", "expiredClaims", "staleCalls", "query"};
    /** Batch limits of created batches; the cap and reserved slots belong to the account. */
    private static final List<Integer> BATCH_LIMITS = Arrays.asList(null, 2, null, 3);
    private static final List<AccountLimits> ACCOUNT_LIMITS = List.of(new AccountLimits(6, 1), new AccountLimits(3, 0));
    private static final List<String> ZONES = List.of("", "Europe/Berlin", "America/New_York");
    private static final List<RecipientStatus> CARRIER_STATUSES = List.of(RecipientStatus.INITIATED,
            RecipientStatus.RINGING, RecipientStatus.IN_PROGRESS, RecipientStatus.COMPLETED, RecipientStatus.FAILED,
            RecipientStatus.BUSY, RecipientStatus.NO_ANSWER);
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Override
    public String toString() {
        return NAMES[kind] + "(" + a + ", " + b + ", " + c + ")";
    }

    /** Runs the operation on one side; returns its result with ids replaced by handles. */
    Object apply(ModelSide s, Instant now) {
        return outcome(() -> run(s, now));
    }

    private Object run(ModelSide s, Instant now) {
        if (kind == CREATE) {
            return create(s, now);
        }
        if (kind == INBOUND) {
            s.storage.calls().setInboundCalls(StorageModelContract.ACCOUNTS.get(a % 2), b % 3);
            return "ok";
        }
        if (kind == QUERY) {
            AccountId account = a % 3 == 2 ? null : StorageModelContract.ACCOUNTS.get(a % 3);
            Set<BatchStatus> statuses = b % 2 == 0 ? Set.of() : Set.of(BatchStatus.RUNNING, BatchStatus.PAUSED);
            return s.storage.batches().find(new BatchQuery(account, statuses, null, c % 2 == 0, null, 1 + c % 4))
                    .stream().map(s::of).toList();
        }
        if (kind == EXPIRED || kind == STALE) {
            CallStore calls = s.storage.calls();
            return (kind == EXPIRED ? calls.expiredClaims(now, 1 + b % 5)
                    : calls.staleCalls(now.minusSeconds(45L * (b % 3)), 1 + c % 5)).stream().map(s::of).toList();
        }
        if (s.batches.isEmpty()) {
            return "no batch";
        }
        int batch = a % s.batches.size();
        BatchId id = s.batches.get(batch);
        switch (kind) {
            case IMPORT -> {
                return importRecipients(s, batch, id);
            }
            case CLAIM -> {
                return claim(s, id, now);
            }
            case SKIP_PENDING -> {
                return s.storage.recipients().skipPending(id, "skipped " + c % 2, now);
            }
            case REQUEUE_ALL -> {
                return s.storage.recipients().requeueAll(id, b % 2 == 0, now);
            }
            case UPDATE_BATCH -> {
                return updateBatch(s, id);
            }
            case COPY -> {
                int to = b % s.batches.size();
                long copied = s.storage.recipients().copyRecipients(id, s.batches.get(to));
                s.learnRecipients(to, s.allRecipients(s.batches.get(to)));
                return copied;
            }
            case DELETE -> {
                if (c % 3 != 0) {
                    return "kept";
                }
                long version = s.storage.batches().find(id).map(Batch::version).orElse(1L);
                s.storage.batches().delete(id, b % 4 == 0 ? version + 1 : version);
                return "deleted";
            }
            default -> {
                if (s.attempts.isEmpty()) {
                    return "no attempt";
                }
                int n = s.attempts.size();
                return onAttempt(s, b % 3 == 0 ? b % n : n - 1 - b % Math.min(n, 4), now);
            }
        }
    }

    private Object create(ModelSide s, Instant now) {
        AccountId account = StorageModelContract.ACCOUNTS.get(a % 2);
        ConcurrencyPolicy policy = ConcurrencyPolicy.of(ACCOUNT_LIMITS.get(a % 2), BATCH_LIMITS.get(b % BATCH_LIMITS.size()));
        NewBatch nb = c % 4 != 0 || s.batches.isEmpty()
                ? new NewBatch(StorageContractSupport.spec("b", account, policy), BatchStatus.RUNNING, null, -1, null,
                        now)
                : new NewBatch(StorageContractSupport.spec("run", parentAccount(s), policy), BatchStatus.RUNNING,
                        s.batches.get((c / 4) % s.batches.size()), b % 3, now, now);
        Batch batch = s.storage.batches().create(nb);
        s.addBatch(batch);
        return s.of(batch);
    }

    /** A run belongs to its parent's account, as the engine creates it. */
    private AccountId parentAccount(ModelSide s) {
        BatchId parent = s.batches.get((c / 4) % s.batches.size());
        return s.storage.batches().find(parent).map(Batch::account).orElse(StorageModelContract.ACCOUNTS.get(a % 2));
    }

    private Object importRecipients(ModelSide s, int batch, BatchId id) {
        List<NewRecipient> chunk = new ArrayList<>();
        for (int i = b % 20; i < b % 20 + 1 + c % 6; i++) {
            chunk.add(new NewRecipient(StorageContractSupport.phone(i), "p" + i, Map.of("i", "" + i),
                    ZONES.get(i % ZONES.size())));
        }
        List<Object> result = new ArrayList<>();
        try (ImportSession session = s.storage.recipients().openImport(id)) {
            result.add(session.add(chunk.subList(0, chunk.size() / 2)));
            result.add(session.add(chunk));
            if (c % 7 != 0) {
                result.add(session.commit());
            }
        }
        s.learnRecipients(batch, s.allRecipients(id));
        return result;
    }

    private Object claim(ModelSide s, BatchId id, Instant now) {
        Batch batch = s.storage.batches().find(id).orElse(null);
        AccountId account = batch == null ? StorageModelContract.ACCOUNTS.get(0) : batch.account();
        ConcurrencyPolicy policy = batch == null ? ConcurrencyPolicy.ofDefaults()
                : ConcurrencyPolicy.of(ACCOUNT_LIMITS.get(StorageModelContract.ACCOUNTS.indexOf(account)),
                        batch.spec().batchLimit());
        Set<String> zones = c % 3 == 0 ? null : c % 3 == 1 ? Set.of("", "Europe/Berlin") : Set.of();
        List<Claim> claims = s.storage.calls().claim(new ClaimRequest(id, account, policy, now, now.plus(LEASE),
                "node-" + c % 2, 1 + b % 4, zones));
        s.addClaims(claims);
        return s.ofClaims(claims);
    }

    private Object updateBatch(ModelSide s, BatchId id) {
        Batch batch = s.storage.batches().find(id).orElse(null);
        if (batch == null) {
            return "absent";
        }
        BatchStatus next = List.of(BatchStatus.PAUSED, BatchStatus.RUNNING, BatchStatus.COMPLETED).get(b % 3);
        Batch changed = batch.withStatus(next, next == BatchStatus.PAUSED ? PauseReason.MANUAL : null);
        if (c % 5 == 0) {
            changed = changed.withVersion(batch.version() - 1);
        }
        return s.of(s.storage.batches().update(changed));
    }

    private Object onAttempt(ModelSide s, int handle, Instant now) {
        AttemptId id = s.attempts.get(handle);
        // Now and then the other account: its attempt is unknown there, whatever the operation.
        AccountId owner = s.attemptAccounts.get(handle);
        AccountId account = c % 9 == 8 ? StorageModelContract.ACCOUNTS.get(1 - StorageModelContract.ACCOUNTS.indexOf(owner))
                : owner;
        CallStore calls = s.storage.calls();
        Instant due = now.plusSeconds(10L * (c % 3));
        switch (kind) {
            case MARK_PLACED -> {
                return calls.markPlaced(account, id, "CA-" + (c % 3 == 0 ? "x" : handle), now);
            }
            case CARRIER -> {
                RecipientStatus status = CARRIER_STATUSES.get(c % CARRIER_STATUSES.size());
                CarrierUpdate u = new CarrierUpdate(status, now, c % 2 == 0 ? null : "CA-" + handle,
                        status.isTerminal() && c % 4 < 2 ? Duration.ofSeconds(c) : null,
                        status == RecipientStatus.FAILED ? "reason " + c % 2 : null);
                return calls.applyCarrierStatus(account, id, u).map(s::of).orElse(null);
            }
            case RELEASE -> {
                return calls.release(account, id, due, "released", now);
            }
            case FINISH_UNDIALED -> {
                return calls.finishUndialed(account, id, c % 2 == 0 ? RecipientStatus.SKIPPED : RecipientStatus.FAILED,
                        "undialed", now);
            }
            case REQUEUE -> {
                return calls.settle(account, id, Money.ofMicros(100L * c, Money.usd("0").currency()), due, now);
            }
            case RECORD_COST -> {
                return calls.settle(account, id, Money.ofMicros(100L * c, Money.usd("0").currency()), null, now);
            }
            case TAKE_OVER -> {
                return calls.takeOver(account, id, "node-" + c % 3, now, now.plus(LEASE));
            }
            case TOUCH -> {
                calls.touch(account, id, now);
                return "ok";
            }
            default -> throw new IllegalStateException("unknown operation kind " + kind);
        }
    }

    /** The result, or the kind of batchcall or argument error it ended with. */
    private static Object outcome(Supplier<Object> action) {
        try {
            return action.get();
        } catch (NotFoundException | ConcurrentUpdateException | IllegalStateTransitionException
                | DuplicateRunException | IllegalArgumentException | IllegalStateException e) {
            for (Class<?> type : List.of(NotFoundException.class, ConcurrentUpdateException.class,
                    IllegalStateTransitionException.class, DuplicateRunException.class,
                    IllegalArgumentException.class, IllegalStateException.class)) {
                if (type.isInstance(e)) {
                    return "threw " + type.getSimpleName();
                }
            }
            throw e;
        }
    }
}
