package io.batchcall.examples;

import io.batchcall.BatchCalls;
import io.batchcall.BatchSummary;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.csv.Rejection;
import io.batchcall.inmemory.SimulatedTelephony;
import io.batchcall.inmemory.SimulationSettings;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.AccountLimits;
import io.batchcall.model.Money;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The demo campaign: an embedded H2 database, a simulated carrier, 33 recipients from a CSV
 * export (two of them bad and one duplicate), a concurrency limit, retries and live status events.
 * Runs in about half a minute of real time and prints what happened.
 */
public final class DemoCampaign {
    private static final AccountId ACCOUNT = AccountId.of("demo-clinic");

    private DemoCampaign() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:batchcall-demo;DB_CLOSE_DELAY=-1");
        JdbcStorage storage = JdbcStorage.builder(h2).clock(clock).migrate(true).build();
        JdbcCreditLedger ledger = JdbcCreditLedger.builder(h2).clock(clock).migrate(true).build();
        SimulationSettings carrierMix = SimulationSettings.ofDefaults().withMix(70, 10, 15, 5)
                .withRing(Duration.ofMillis(500), Duration.ofSeconds(2))
                .withTalk(Duration.ofSeconds(2), Duration.ofSeconds(6));
        try (SimulatedTelephony carrier = new SimulatedTelephony(clock, carrierMix);
                BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("demo")
                        .tariff(Tariff.of(Money.usd("0.013"))).accountLimits(new AccountLimits(20, 2))
                        .pollInterval(Duration.ofMillis(100))
                        .eventInterval(Duration.ofMillis(50)).listener(new StatusPrinter(false)).build()) {
            carrier.connect(calls.statusSink());
            carrier.start(Duration.ofMillis(50));
            ledger.topUp(ACCOUNT, Money.usd("2.00"), "demo-top-up");

            BatchSpec spec = BatchSpec.builder("December appointment reminders", ACCOUNT,
                            PhoneNumber.of("+14155552000"), CallWindow.always(ZoneId.of("America/New_York")))
                    .agentId("reminder-bot")
                    .ringTimeout(Duration.ofSeconds(15))
                    .batchLimit(6)
                    .retry(RetryPolicy.on(EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), 2,
                            Duration.ofSeconds(3)))
                    .build();
            Batch draft = calls.createDraft(spec);
            ImportReport report;
            try (InputStream csv = DemoCampaign.class.getResourceAsStream("/demo-recipients.csv")) {
                report = calls.importRecipients(draft.id(), csv, ImportOptions.ofDefaults());
            }
            System.out.printf("Imported demo-recipients.csv: %d rows, %d accepted, %d duplicates, %d rejected%n",
                    report.rowsRead(), report.accepted(), report.duplicates(), report.rejected());
            for (Rejection r : report.rejections()) {
                System.out.printf("  line %d, %s '%s': %s%n", r.line(), r.column(), r.value(), r.reason());
            }

            Instant started = clock.instant();
            calls.send(draft.id());
            calls.start();
            BatchSummary summary = calls.batch(draft.id());
            while (summary.batch().status() != BatchStatus.COMPLETED) {
                if (Duration.between(started, clock.instant()).compareTo(Duration.ofMinutes(3)) > 0) {
                    throw new IllegalStateException("demo did not finish in 3 minutes: " + summary);
                }
                Thread.sleep(200);
                summary = calls.batch(draft.id());
            }
            calls.close();
            RecipientCounts counts = summary.counts();
            System.out.printf("%nBatch %s completed in %d s: %d recipients, %d completed, %d failed "
                            + "(busy/no answer/failed), %d skipped%n", draft.id(),
                    Duration.between(started, clock.instant()).toSeconds(), counts.total(), counts.completed(),
                    counts.failed(), counts.skipped());
            System.out.printf("Dials placed: %d; most calls at once: %d (batch limit 6)%n",
                    carrier.placedCalls().size(), carrier.maxConcurrent(ACCOUNT));
            System.out.printf("Credit left: %s of USD 2 (dial fee USD 0.005 + USD 0.013 per started minute)%n",
                    ledger.available(ACCOUNT, Currency.getInstance("USD")));
        }
    }
}
