package io.batchcall.examples;

import io.batchcall.BatchCalls;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.Recipient;
import io.batchcall.policy.CallingHours;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.ContactPolicyProvider;
import io.batchcall.spi.RecipientQuery;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The demo's second account, under the US federal calling-hours floor (47 CFR 64.1200(c)(1)): one
 * US recipient whose {@code timezone} says it is outside 08:00-21:00 right now, so the engine holds
 * it until its next legal minute while the main campaign runs.
 */
final class LegalHoursDemo {
    static final AccountId ACCOUNT = AccountId.of("demo-night-desk");
    private static final List<ZoneId> CANDIDATES = List.of(ZoneId.of("Pacific/Honolulu"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Pacific/Auckland"));
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private Batch batch;

    private LegalHoursDemo() {
    }

    /** The floor for the night desk; every other account has none. */
    static ContactPolicyProvider policies() {
        ContactPolicy federal = ContactPolicy.none().withHours(CallingHours.usFederal());
        return account -> account.equals(ACCOUNT) ? federal : ContactPolicy.none();
    }

    /** Sends a one-recipient batch for a recipient whose local time is outside 08:00-21:00 now. */
    static LegalHoursDemo send(BatchCalls calls, Clock clock) {
        ZoneId night = CANDIDATES.stream().filter(z -> {
            LocalTime t = LocalDateTime.now(clock.withZone(z)).toLocalTime();
            return t.isBefore(LocalTime.of(8, 0)) || !t.isBefore(LocalTime.of(21, 0));
        }).findFirst().orElseThrow();
        LegalHoursDemo demo = new LegalHoursDemo();
        demo.batch = calls.createDraft(BatchSpec.builder("Late follow-up", ACCOUNT, PhoneNumber.of("+14155552000"),
                CallWindow.always(night)).build());
        calls.addRecipients(demo.batch.id(), List.of(new NewRecipient(PhoneNumber.of("+18085550147"),
                "Kai Nakamura", Map.of(), night.getId())));
        calls.send(demo.batch.id());
        return demo;
    }

    /** The late batch's id, for the status printer. */
    io.batchcall.model.BatchId batchId() {
        return batch.id();
    }

    /** Where the waiting recipient stands; cancels the batch so the demo can end. */
    String report(BatchCalls calls, Clock clock) {
        Recipient r = calls.recipients(batch.id(), RecipientQuery.first(1)).get(0);
        ZoneId zone = ZoneId.of(r.zoneKey());
        String why = calls.attempts(r.id()).stream().map(CallAttempt::reason).filter(x -> x != null).findFirst()
                .orElse("not claimed yet");
        String line = String.format("Legal hours: %s (%s) is %s at %s in %s (reason '%s'); may be dialed from %s "
                        + "local (US federal floor 08:00-21:00, 47 CFR 64.1200(c)(1))", r.name(),
                Masking.digits(r.phone().e164()), r.status().wireName(),
                HM.format(LocalDateTime.now(clock.withZone(zone))), zone, why,
                HM.format(LocalDateTime.ofInstant(r.notBefore(), zone)));
        calls.cancel(batch.id());
        return line;
    }
}
