package io.batchcall.benchmarks.fault;

import io.batchcall.BatchCalls;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.Money;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The campaign of a run: {@code accounts} accounts, each with its own caller id, credit and cap,
 * {@code batchesPerAccount} batches each, {@code recipients} distinct numbers spread over them.
 */
final class Campaign {
    final List<Audit.Account> accounts = new ArrayList<>();
    final List<BatchId> batches = new ArrayList<>();
    /** When each batch is due (its start), for the dispatch lag. */
    final List<Instant> due = new ArrayList<>();
    /** When each number became due (its batch's start). */
    final java.util.Map<String, Instant> dueByNumber = new java.util.HashMap<>();

    /** The harness's own facade only creates and reads; it never dials. */
    static final Telephony NO_DIALS = new Telephony() {
        @Override
        public PlacedCall place(CallRequest request) {
            throw new IllegalStateException("the harness process does not dial");
        }

        @Override
        public Optional<CallInfo> lookup(LookupRequest attempt) {
            throw new IllegalStateException("the harness process does not look up calls");
        }

        @Override
        public void hangUp(String providerCallId) {
            throw new IllegalStateException("the harness process does not hang up");
        }
    };

    /**
     * Creates and sends the batches. With {@code spacing} > 0 batch k starts at {@code start + k *
     * spacing} (scheduled), else all are sent now.
     */
    static Campaign create(BatchCalls calls, CreditLedger ledger, Options o, Instant start, Duration spacing) {
        Campaign c = new Campaign();
        int accounts = o.getInt("accounts", 5);
        int perAccount = o.getInt("batchesPerAccount", 2);
        int recipients = o.getInt("recipients", 1000);
        int cap = o.getInt("cap", 20);
        Money credit = Money.usd(o.get("creditUsd", "100"));
        int retries = o.getInt("maxAttempts", 1);
        String run = Long.toString(start.getEpochSecond() % 100_000);
        for (int a = 1; a <= accounts; a++) {
            AccountId id = AccountId.of("acct-" + a);
            String from = "+1415555" + (1000 + a);
            ledger.topUp(id, credit, "fault-topup-" + run + "-" + a);
            c.accounts.add(new Audit.Account(id, from, credit, cap));
        }
        int batchCount = accounts * perAccount;
        int next = 0;
        for (int b = 0; b < batchCount; b++) {
            Audit.Account account = c.accounts.get(b % accounts);
            BatchSpec.Builder spec = BatchSpec.builder("fault " + b, account.id(), PhoneNumber.of(account.from()),
                    CallWindow.always(ZoneOffset.UTC)); // the cap is the account's, given to every engine
            if (retries > 1) {
                spec.retry(RetryPolicy.on(EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), retries,
                        Duration.ofSeconds(2)));
            }
            Instant at = spacing.isZero() ? start : start.plus(spacing.multipliedBy(b));
            if (!spacing.isZero()) {
                spec.startAt(at);
            }
            Batch batch = calls.createDraft(spec.build());
            int size = recipients / batchCount + (b < recipients % batchCount ? 1 : 0);
            List<NewRecipient> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String number = "+1212" + (5_000_000 + next++);
                list.add(NewRecipient.of(PhoneNumber.of(number), "R" + next));
                c.dueByNumber.put(number, at);
            }
            calls.addRecipients(batch.id(), list);
            c.batches.add(batch.id());
            c.due.add(at);
        }
        for (BatchId id : c.batches) {
            calls.send(id);
        }
        return c;
    }

    boolean finished(BatchCalls calls) {
        return batches.stream().allMatch(b -> calls.batch(b).batch().status().isFinished());
    }
}
