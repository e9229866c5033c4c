package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.batchcall.AccountCalls;
import io.batchcall.BatchSummary;
import io.batchcall.NotFoundException;
import io.batchcall.RerunScope;
import io.batchcall.csv.ImportOptions;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.spi.RecipientQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code forAccount}: another account's ids read as unknown and change nothing. */
class AccountViewScenarioTest {
    private static final AccountId INTRUDER = AccountId.of("intruder");

    @Test
    void anotherAccountsIdsNeverRevealOrChangeAnything() {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            Batch draft = c.draft(spec("draft").build(), 0, 3);
            Batch running = c.draft(spec("running").build(), 10, 3);
            c.calls.send(running.id());
            c.step(Duration.ofSeconds(1));
            Recipient victim = c.calls.recipients(running.id(), RecipientQuery.first(1)).get(0);
            AccountCalls intruder = c.calls.forAccount(INTRUDER);
            List<Batch> targets = List.of(draft, running);
            List<Consumer<BatchId>> ops = operations(intruder, victim.id());
            qt().withExamples(60).forAll(integers().between(0, ops.size() - 1), integers().between(0, 2))
                    .checkAssert((op, which) -> {
                        BatchId id = which < 2 ? targets.get(which).id() : BatchId.of(987_654);
                        List<Object> before = snapshot(c, targets);
                        String unknown = message(() -> ops.get(op).accept(BatchId.of(987_654)));
                        assertThatThrownBy(() -> ops.get(op).accept(id)).isInstanceOf(NotFoundException.class)
                                .hasMessage(unknown.replace("987654", id.toString()));
                        assertThat(snapshot(c, targets)).isEqualTo(before);
                    });
            assertThat(intruder.history(Set.of(), null, 100)).isEmpty();
            assertThatThrownBy(() -> intruder.createDraft(spec("x").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intruder");
        }
    }

    @Test
    void theOwnersViewWorksAndWaitsForTheEnd() throws Exception {
        try (Campaign c = new Campaign()) {
            c.fund("100");
            AccountCalls own = c.calls.forAccount(Campaign.ACCOUNT);
            Batch b = c.draft(spec("mine").build(), 0, 2);
            own.send(b.id());
            var finished = own.whenFinished(b.id()).toCompletableFuture();
            assertThat(finished).isNotDone();
            c.runUntil(finished::isDone, Duration.ofHours(1), Duration.ofSeconds(10));
            BatchSummary s = finished.get();
            assertThat(s.batch().status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(own.awaitFinished(b.id(), Duration.ofMillis(1)).counts().total()).isEqualTo(2);
            Recipient r = own.recipients(b.id(), RecipientQuery.first(1)).get(0);
            assertThat(own.attempts(b.id(), r.id())).hasSize(1);
            Batch other = c.draft(spec("other").build(), 10, 1);
            assertThatThrownBy(() -> own.attempts(other.id(), r.id())).isInstanceOf(NotFoundException.class);
            assertThat(own.history(Set.of(BatchStatus.COMPLETED), null, 10)).extracting(x -> x.batch().id())
                    .containsExactly(b.id());
        }
    }

    private static List<Consumer<BatchId>> operations(AccountCalls v, RecipientId victim) {
        List<Consumer<BatchId>> ops = new ArrayList<>();
        ops.add(v::batch);
        ops.add(v::send);
        ops.add(v::cancel);
        ops.add(v::pause);
        ops.add(v::resume);
        ops.add(id -> v.rerun(id, RerunScope.ALL));
        ops.add(v::deleteDraft);
        ops.add(id -> v.updateDraft(id, spec("hijack").build()));
        ops.add(id -> v.recipients(id, RecipientQuery.first(10)));
        ops.add(id -> v.attempts(id, victim));
        ops.add(id -> v.runs(id, 10));
        ops.add(v::pauseSeries);
        ops.add(v::resumeSeries);
        ops.add(v::cancelSeries);
        ops.add(v::whenFinished);
        ops.add(id -> v.addRecipients(id, List.of(NewRecipient.of(PhoneNumber.of("+14155550999"), "Eve"))));
        ops.add(id -> v.importRecipients(id, new ByteArrayInputStream("phone\n+14155550998\n"
                .getBytes(StandardCharsets.UTF_8)), ImportOptions.ofDefaults()));
        return ops;
    }

    private static List<Object> snapshot(Campaign c, List<Batch> batches) {
        List<Object> out = new ArrayList<>();
        for (Batch b : batches) {
            out.add(c.calls.batch(b.id()));
            out.add(c.calls.recipients(b.id(), RecipientQuery.first(100)));
        }
        out.add(c.storage.events().latest(Campaign.ACCOUNT));
        return out;
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (NotFoundException e) {
            return e.getMessage();
        }
        throw new AssertionError("an unknown id was not refused");
    }

}
