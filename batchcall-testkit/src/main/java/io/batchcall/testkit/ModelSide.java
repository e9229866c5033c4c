package io.batchcall.testkit;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.Claim;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One storage under the model check, with the handles that make two storages comparable: batches
 * and attempts are named by the order they were created in, recipients by (batch, number). Ids
 * themselves may differ between implementations; what they identify may not.
 */
final class ModelSide {
    final Storage storage;
    final List<BatchId> batches = new ArrayList<>();
    final List<AttemptId> attempts = new ArrayList<>();
    /** The account of each attempt, by handle. */
    final List<io.batchcall.model.AccountId> attemptAccounts = new ArrayList<>();
    private final Map<AttemptId, Integer> attemptHandles = new HashMap<>();
    private final Map<BatchId, Integer> batchHandles = new HashMap<>();
    private final Map<RecipientId, String> recipientKeys = new HashMap<>();

    ModelSide(Storage storage) {
        this.storage = storage;
    }

    void addBatch(Batch b) {
        batchHandles.put(b.id(), batches.size());
        batches.add(b.id());
    }

    void addClaims(List<Claim> claims) {
        for (Claim c : claims) {
            attemptHandles.put(c.attempt().id(), attempts.size());
            attempts.add(c.attempt().id());
            attemptAccounts.add(c.attempt().account());
        }
    }

    /** Learns the keys of a batch's recipients, after they were created. */
    void learnRecipients(int batch, List<Recipient> recipients) {
        for (Recipient r : recipients) {
            recipientKeys.put(r.id(), batch + ":" + r.phone().e164());
        }
    }

    Object batch(BatchId id) {
        return id == null ? null : batchHandles.getOrDefault(id, -1);
    }

    Object recipient(RecipientId id) {
        return id == null ? null : recipientKeys.getOrDefault(id, "unknown recipient");
    }

    Object attempt(AttemptId id) {
        return id == null ? null : attemptHandles.getOrDefault(id, -1);
    }

    List<Object> of(Batch b) {
        return Arrays.asList(batch(b.id()), b.spec(), b.status(), b.pauseReason(), b.failureReason(),
                batch(b.parentId()), b.occurrence(), b.scheduledFor(), b.createdAt(), b.startedAt(), b.finishedAt(),
                b.version());
    }

    List<Object> of(Recipient r) {
        return Arrays.asList(recipient(r.id()), batch(r.batchId()), r.phone(), r.name(), r.variables(), r.zoneKey(),
                r.status(), r.attempts(), r.notBefore(), r.reason(), attempt(r.lastAttempt()));
    }

    List<Object> of(CallAttempt a) {
        return Arrays.asList(attempt(a.id()), recipient(a.recipientId()), batch(a.batchId()), a.account(), a.number(),
                a.to(), a.providerCallId(), a.status(), a.owner(), a.claimedAt(), a.leaseUntil(), a.placedAt(),
                a.lastEventAt(), a.endedAt(), a.talkTime(), a.cost(), a.reason());
    }

    List<Object> of(StatusEvent e) {
        return Arrays.asList(e.at(), e.account(), batch(e.batchId()), recipient(e.recipientId()),
                attempt(e.attemptId()), e.status(), e.detail());
    }

    List<Object> ofClaims(List<Claim> claims) {
        List<Object> out = new ArrayList<>();
        for (Claim c : claims) {
            out.add(List.of(of(c.recipient()), of(c.attempt())));
        }
        return out;
    }

    /** Everything observable, normalised: batches, counts, recipients, attempts, active calls, events. */
    List<Object> snapshot(List<AccountId> accounts) {
        List<Object> out = new ArrayList<>();
        for (BatchId id : batches) {
            out.add(storage.batches().find(id).map(this::of).orElse(null));
            out.add(storage.recipients().counts(id));
            out.add(new TreeSet<>(storage.recipients().pendingZoneKeys(id)));
            out.add(storage.calls().activeCalls(id));
            for (Recipient r : allRecipients(id)) {
                out.add(of(r));
                storage.calls().attempts(r.id()).forEach(a -> out.add(of(a)));
            }
        }
        for (AccountId account : accounts) {
            out.add(storage.calls().activeCalls(account));
        }
        for (AccountId account : accounts) {
            out.add(storage.events().latest(account));
            long cursor = 0;
            for (List<StatusEvent> page = storage.events().after(account, cursor, 500); !page.isEmpty();
                    page = storage.events().after(account, cursor, 500)) {
                for (StatusEvent e : page) {
                    out.add(e.sequence());
                    out.add(of(e));
                }
                cursor = page.get(page.size() - 1).sequence();
            }
        }
        storage.calls().unsettled(Instant.parse("3000-01-01T00:00:00Z"), 1000).forEach(a -> out.add(of(a)));
        return out;
    }

    List<Recipient> allRecipients(BatchId batch) {
        List<Recipient> all = new ArrayList<>();
        RecipientQuery page = RecipientQuery.first(500);
        for (List<Recipient> next = storage.recipients().list(batch, page); !next.isEmpty();
                next = storage.recipients().list(batch, page)) {
            all.addAll(next);
            page = new RecipientQuery(null, next.get(next.size() - 1).id(), page.limit());
        }
        return all;
    }
}
