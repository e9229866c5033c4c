package io.batchcall.jdbc;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.NewBatch;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.ImportSession;
import io.batchcall.spi.Storage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2025-03-30T00:59:58.123456Z");

    private Fixtures() {
    }

    static BatchSpec spec(String account) {
        return BatchSpec.builder("Spring reminders", AccountId.of(account), new PhoneNumber("+14155550100"),
                CallWindow.always(ZoneId.of("Europe/Berlin"))).build();
    }

    static BatchSpec spec(String account, int cap, int batchLimit) {
        return spec(account).toBuilder().batchLimit(batchLimit < cap ? batchLimit : null).build();
    }

    static PhoneNumber phone(long i) {
        return new PhoneNumber("+1" + (2_000_000_000L + i));
    }

    static List<NewRecipient> recipients(long from, int n) {
        List<NewRecipient> out = new ArrayList<>(n);
        for (long i = from; i < from + n; i++) {
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("Order", "#" + i);
            vars.put("Note", "said \"hi\", then left\nline 2");
            out.add(new NewRecipient(phone(i), "Person " + i, vars, i % 2 == 0 ? "Europe/Berlin" : "America/New_York"));
        }
        return out;
    }

    /** A running batch with a cap, a batch limit and {@code recipients} imported. */
    static Batch running(Storage s, String account, int cap, int batchLimit, int recipients) {
        Batch b = s.batches().create(new NewBatch(spec(account, cap, batchLimit), BatchStatus.RUNNING, null, -1, null,
                T0));
        importRecipients(s, b, recipients);
        return b;
    }

    /** A claim under the account cap {@code cap} (nothing reserved) and the batch's own limit. */
    static ClaimRequest claimRequest(Batch b, int cap, int max, Instant now) {
        return new ClaimRequest(b.id(), b.account(), ConcurrencyPolicy.of(new AccountLimits(cap, 0), b.spec().batchLimit()),
                now, now.plusSeconds(60), "node-a", max, null);
    }

    /** Imports {@code n} recipients in chunks of 10,000 and commits. */
    static long importRecipients(Storage s, Batch b, int n) {
        try (ImportSession session = s.recipients().openImport(b.id())) {
            for (int from = 0; from < n; from += 10_000) {
                session.add(recipients(from, Math.min(10_000, n - from)));
            }
            return session.commit();
        }
    }
}
