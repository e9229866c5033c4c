package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.NotFoundException;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.RecipientQuery;
import io.batchcall.spi.RecipientStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RecipientStore} reads and imports: import sessions (invisible until
 * commit, discarded on close, one number per batch), listing, phones, counts and zone keys. Bulk
 * moves are in {@link RecipientMovesContract}. Subclass it and implement
 * {@link #newStorage(java.time.Clock)}.
 */
public abstract class RecipientStoreContract extends StorageContractSupport {

    private RecipientStore recipients() {
        return storage.recipients();
    }

    private static NewRecipient person(int i) {
        return new NewRecipient(phone(i), "Person " + i, Map.of("plan", "gold", "city", "Berlin"), "Europe/Berlin");
    }

    private List<String> phones(BatchId batch) {
        List<String> phones = new ArrayList<>();
        recipients().forEachPhone(batch, phones::add);
        return phones;
    }

    @Test
    void importedRecipientsAreInvisibleUntilCommit() {
        Batch b = draft("a", ACCOUNT);
        long cursor = storage.events().latest(ACCOUNT);
        try (ImportSession session = recipients().openImport(b.id())) {
            assertThat(session.add(List.of(person(1), person(2)))).isEqualTo(2);
            assertThat(session.add(List.of(person(3)))).isEqualTo(1);
            assertThat(recipients().list(b.id(), RecipientQuery.first(10))).isEmpty();
            assertThat(recipients().counts(b.id()).total()).isZero();
            assertThat(phones(b.id())).isEmpty();
            assertThat(session.commit()).isEqualTo(3);
        }
        List<Recipient> stored = recipients().list(b.id(), RecipientQuery.first(10));
        assertThat(stored).extracting(r -> r.phone()).containsExactly(phone(1), phone(2), phone(3));
        assertThat(stored.get(0).id()).isLessThan(stored.get(1).id());
        assertThat(stored.get(1).id()).isLessThan(stored.get(2).id());
        Recipient r = stored.get(0);
        assertThat(r.batchId()).isEqualTo(b.id());
        assertThat(r.name()).isEqualTo("Person 1");
        assertThat(r.variables()).isEqualTo(Map.of("plan", "gold", "city", "Berlin"));
        assertThat(r.zoneKey()).isEqualTo("Europe/Berlin");
        assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(r.attempts()).isZero();
        assertThat(r.notBefore()).isEqualTo(Instant.EPOCH);
        assertThat(r.reason()).isNull();
        assertThat(r.lastAttempt()).isNull();
        assertThat(recipients().find(r.id())).contains(r);
        assertThat(recipients().counts(b.id()).pending()).isEqualTo(3);
        assertThat(storage.events().latest(ACCOUNT)).as("import appends no events").isEqualTo(cursor);
    }

    @Test
    void closeWithoutCommitDiscardsEverything() {
        Batch b = draft("a", ACCOUNT);
        addRecipients(b.id(), 100, 2);
        ImportSession session = recipients().openImport(b.id());
        session.add(List.of(person(1), person(2)));
        session.close();
        session.close();
        assertThat(recipients().counts(b.id()).total()).isEqualTo(2);
        assertThat(phones(b.id())).containsExactly(phone(100).e164(), phone(101).e164());
        assertThatThrownBy(() -> session.add(List.of(person(3)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommittedSessionIsFinished() {
        Batch b = draft("a", ACCOUNT);
        ImportSession session = recipients().openImport(b.id());
        session.add(List.of(person(1)));
        session.commit();
        session.close();
        assertThat(recipients().counts(b.id()).total()).isEqualTo(1);
        assertThatThrownBy(() -> session.add(List.of(person(2)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNumberIsAddedOncePerBatch() {
        Batch b = draft("a", ACCOUNT);
        Batch other = draft("b", ACCOUNT);
        addRecipients(b.id(), 1, 2);
        addRecipients(other.id(), 5, 1);
        try (ImportSession session = recipients().openImport(b.id())) {
            assertThat(session.add(List.of(person(2), person(3), person(3), person(4)))).as("stored, in chunk")
                    .isEqualTo(2);
            assertThat(session.add(List.of(person(4), person(1), person(5)))).as("in session, stored, other batch")
                    .isEqualTo(1);
            assertThat(session.commit()).isEqualTo(3);
        }
        assertThat(phones(b.id())).containsExactly(phone(1).e164(), phone(2).e164(), phone(3).e164(),
                phone(4).e164(), phone(5).e164());
    }

    @Test
    void aNumberCommittedByAConcurrentImportIsNotStoredTwice() throws Exception {
        Batch b = draft("a", ACCOUNT);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (ImportSession first = recipients().openImport(b.id());
                ImportSession second = recipients().openImport(b.id())) {
            assertThat(first.add(List.of(person(1), person(2)))).isEqualTo(2);
            // a store may make this add wait until the first session, holding number 2, ends
            Future<Integer> secondAdd = other.submit(() -> second.add(List.of(person(2), person(3))));
            assertThat(first.commit()).isEqualTo(2);
            assertThat(secondAdd.get(30, TimeUnit.SECONDS)).isBetween(1, 2);
            assertThat(second.commit()).isEqualTo(1);
        } finally {
            other.shutdownNow();
        }
        assertThat(phones(b.id())).containsExactlyInAnyOrder(phone(1).e164(), phone(2).e164(), phone(3).e164());
    }

    @Test
    void importIntoAnUnknownBatchIsNotFound() {
        assertThatThrownBy(() -> recipients().openImport(BatchId.of(987_654_321L)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBatchDeletedDuringAnImportKeepsNoRecipients() throws Exception {
        Batch b = draft("a", ACCOUNT);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (ImportSession session = recipients().openImport(b.id())) {
            session.add(List.of(person(1)));
            // a store may delete at once (the commit then fails) or make the delete wait for the import
            Future<?> delete = other.submit(() -> storage.batches().delete(b.id(), b.version()));
            try {
                session.commit();
            } catch (NotFoundException deletedFirst) {
                assertThat(deletedFirst).hasMessageContaining(b.id().toString());
            }
            delete.get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(storage.batches().find(b.id())).isEmpty();
        assertThat(recipients().counts(b.id()).total()).isZero();
        assertThat(phones(b.id())).isEmpty();
    }

    @Test
    void listPagesInIdOrderWithStatusFilter() {
        Batch b = running();
        List<Recipient> all = addRecipients(b.id(), 0, 7);
        claim(b, 2);
        RecipientQuery q = RecipientQuery.first(3);
        List<Recipient> page1 = recipients().list(b.id(), q);
        List<Recipient> page2 = recipients().list(b.id(), new RecipientQuery(null, page1.get(2).id(), 3));
        List<Recipient> page3 = recipients().list(b.id(), new RecipientQuery(null, page2.get(2).id(), 3));
        assertThat(page1).extracting(Recipient::id).containsExactly(all.get(0).id(), all.get(1).id(), all.get(2).id());
        assertThat(page2).extracting(Recipient::id).containsExactly(all.get(3).id(), all.get(4).id(), all.get(5).id());
        assertThat(page3).extracting(Recipient::id).containsExactly(all.get(6).id());
        assertThat(recipients().list(b.id(), new RecipientQuery(RecipientStatus.PENDING, null, 2)))
                .extracting(Recipient::id).containsExactly(all.get(2).id(), all.get(3).id());
        assertThat(recipients().list(b.id(), new RecipientQuery(RecipientStatus.PENDING, all.get(4).id(), 10)))
                .extracting(Recipient::id).containsExactly(all.get(5).id(), all.get(6).id());
        assertThat(recipients().list(b.id(), new RecipientQuery(RecipientStatus.CALLING, null, 10)))
                .extracting(Recipient::id).containsExactly(all.get(0).id(), all.get(1).id());
    }

    @Test
    void forEachPhoneVisitsEveryNumberInIdOrder() {
        Batch b = draft("a", ACCOUNT);
        importAll(b.id(), List.of(person(9), person(3), person(5)));
        assertThat(phones(b.id())).containsExactly(phone(9).e164(), phone(3).e164(), phone(5).e164());
    }

    @Test
    void countsFollowTheRows() {
        Batch b = running();
        addRecipients(b.id(), 0, 10);
        finishOne(b, RecipientStatus.COMPLETED);
        finishOne(b, RecipientStatus.BUSY);
        finishOne(b, RecipientStatus.NO_ANSWER);
        finishOne(b, RecipientStatus.FAILED);
        placeOne(b);
        claimOne(b);
        RecipientCounts counts = recipients().counts(b.id());
        assertThat(counts.total()).isEqualTo(10);
        assertThat(counts.pending()).isEqualTo(4);
        assertThat(counts.completed()).isEqualTo(1);
        assertThat(counts.failed()).isEqualTo(3);
        assertThat(counts.of(RecipientStatus.BUSY)).isEqualTo(1);
        assertThat(counts.inFlight()).isEqualTo(2);
        assertThat(counts.of(RecipientStatus.CALLING)).isEqualTo(1);
        assertThat(counts.of(RecipientStatus.INITIATED)).isEqualTo(1);
        assertThat(counts.skipped()).isZero();
    }

    @Test
    void pendingZoneKeysAreDistinctAndIncludeTheUnknownZone() {
        Batch b = running();
        importAll(b.id(), List.of(new NewRecipient(phone(1), "", Map.of(), "Asia/Kathmandu"),
                new NewRecipient(phone(2), "", Map.of(), "America/New_York"),
                new NewRecipient(phone(3), "", Map.of(), "America/New_York"),
                new NewRecipient(phone(4), "", Map.of(), ""),
                new NewRecipient(phone(5), "", Map.of(), "America/Chicago,America/New_York")));
        assertThat(recipients().pendingZoneKeys(b.id())).containsExactlyInAnyOrder("Asia/Kathmandu",
                "America/New_York", "", "America/Chicago,America/New_York");
        claimOne(b);
        assertThat(recipients().pendingZoneKeys(b.id())).containsExactlyInAnyOrder("America/New_York", "",
                "America/Chicago,America/New_York");
    }

    @Test
    void readsOfAnUnknownBatchAreEmpty() {
        BatchId unknown = BatchId.of(987_654_321L);
        assertThat(recipients().list(unknown, RecipientQuery.first(10))).isEmpty();
        assertThat(recipients().counts(unknown)).isEqualTo(RecipientCounts.empty());
        assertThat(recipients().pendingZoneKeys(unknown)).isEmpty();
        assertThat(phones(unknown)).isEmpty();
    }
}
