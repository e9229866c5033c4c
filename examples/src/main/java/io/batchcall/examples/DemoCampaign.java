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
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientCounts;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.model.Tariff;
import io.batchcall.schedule.CallWindow;
import io.batchcall.spi.RecipientQuery;
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
 * export (two of them bad and one duplicate, reported by line), a concurrency limit, retries and
 * live status events by recipient name and masked number, under a running tally of the batch
 * (redrawn in place on a terminal). Runs in about half a minute of real time.
 */
public final class DemoCampaign {
    private static final AccountId ACCOUNT = AccountId.of("demo-clinic");

    private DemoCampaign() {
    }

    public static void main(String[] args) throws Exception {
        Terminal terminal = Terminal.standard();
        terminal.line("batchcall demo: H2 in memory, a simulated carrier, recipients from demo-recipients.csv");
        Clock clock = Clock.systemUTC();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:batchcall-demo;DB_CLOSE_DELAY=-1");
        JdbcStorage storage = JdbcStorage.builder(h2).clock(clock).migrate(true).build();
        JdbcCreditLedger ledger = JdbcCreditLedger.builder(h2).clock(clock).migrate(true).build();
        SimulationSettings carrierMix = SimulationSettings.ofDefaults().withMix(70, 10, 15, 5)
                .withRing(Duration.ofMillis(500), Duration.ofSeconds(2))
                .withTalk(Duration.ofSeconds(2), Duration.ofSeconds(6));
        StatusPrinter printer = new StatusPrinter(false, terminal);
        try (SimulatedTelephony carrier = new SimulatedTelephony(clock, carrierMix);
                BatchCalls calls = BatchCalls.builder(storage, carrier, ledger).clock(clock).nodeName("demo")
                        .tariff(Tariff.of(Money.usd("0.013"))).accountLimits(new AccountLimits(20, 2))
                        .contactPolicies(LegalHoursDemo.policies())
                        .pollInterval(Duration.ofMillis(100))
                        .eventInterval(Duration.ofMillis(50)).listener(printer).build()) {
            carrier.connect(calls.statusSink());
            carrier.start(Duration.ofMillis(50));
            ledger.topUp(ACCOUNT, Money.usd("2.00"), "demo-top-up");
            ledger.topUp(LegalHoursDemo.ACCOUNT, Money.usd("1.00"), "demo-top-up");

            BatchSpec spec = BatchSpec.builder("December appointment reminders", ACCOUNT,
                            PhoneNumber.of("+14155552000"), CallWindow.always(ZoneId.of("America/New_York")))
                    .agentId("reminder-bot")
                    .ringTimeout(Duration.ofSeconds(15))
                    .batchLimit(6)
                    .retry(RetryPolicy.on(EnumSet.of(RecipientStatus.BUSY, RecipientStatus.NO_ANSWER), 2,
                            Duration.ofSeconds(3)))
                    .build();
            Batch draft = calls.createDraft(spec);
            printer.know(draft.id(), spec.name());
            ImportReport report;
            try (InputStream csv = DemoCampaign.class.getResourceAsStream("/demo-recipients.csv")) {
                report = calls.importRecipients(draft.id(), csv, ImportOptions.ofDefaults());
            }
            terminal.line(String.format("Imported demo-recipients.csv: %d rows, %d accepted, %d duplicates, "
                    + "%d rejected", report.rowsRead(), report.accepted(), report.duplicates(), report.rejected()));
            for (Rejection r : report.rejections()) {
                terminal.line(String.format("  rejected  line %d, %s '%s': %s", r.line(), r.column(), r.value(),
                        r.reason()));
            }
            for (Rejection d : report.duplicateRows()) {
                terminal.line(String.format("  duplicate line %d, %s '%s': %s", d.line(), d.column(),
                        Masking.digits(d.value()), Masking.digits(d.reason())));
            }
            for (Recipient r : calls.recipients(draft.id(), RecipientQuery.first(1_000))) {
                printer.know(r);
            }

            Instant started = clock.instant();
            LegalHoursDemo lateCall = LegalHoursDemo.send(calls, clock);
            printer.know(lateCall.batchId(), "Late follow-up");
            calls.send(draft.id());
            calls.start();
            BatchSummary summary = calls.batch(draft.id());
            while (!summary.batch().status().isFinished()) {
                if (Duration.between(started, clock.instant()).compareTo(Duration.ofMinutes(3)) > 0) {
                    throw new IllegalStateException("demo did not finish in 3 minutes: " + summary);
                }
                terminal.status(tally(summary, Duration.between(started, clock.instant())),
                        tally(summary, Duration.ZERO), clock.millis());
                Thread.sleep(200);
                summary = calls.batch(draft.id());
            }
            String late = lateCall.report(calls, clock);
            calls.close();
            terminal.status(tally(summary, Duration.between(started, clock.instant())), tally(summary, Duration.ZERO),
                    clock.millis());
            terminal.finish(clock.millis());
            RecipientCounts counts = summary.counts();
            System.out.printf("%nBatch '%s' %s in %d s: %d recipients, %d completed, %d failed "
                            + "(busy/no answer/failed), %d skipped%n", spec.name(), summary.batch().status(),
                    Duration.between(started, clock.instant()).toSeconds(), counts.total(), counts.completed(),
                    counts.failed(), counts.skipped());
            System.out.printf("Dials placed: %d; most calls at once: %d (batch limit 6)%n",
                    carrier.placedCalls().size(), carrier.maxConcurrent(ACCOUNT));
            System.out.println(late);
            System.out.printf("Credit left: %s of USD 2 (dial fee USD 0.005 + USD 0.013 per started minute)%n",
                    ledger.available(ACCOUNT, Currency.getInstance("USD")));
        }
    }

    /** One line, under 80 characters: where the batch stands ("not reached": busy, no answer, failed). */
    static String tally(BatchSummary summary, Duration elapsed) {
        RecipientCounts c = summary.counts();
        long done = c.completed() + c.failed() + c.skipped();
        return String.format("%3ds %-9s %2d/%d done: %d completed, %d not reached%s | %d calling, %d waiting",
                elapsed.toSeconds(), summary.batch().status(), done, c.total(), c.completed(), c.failed(),
                c.skipped() == 0 ? "" : ", " + c.skipped() + " skipped", c.inFlight(), c.pending());
    }
}
