package io.batchcall.benchmarks.fault;

import java.time.Clock;
import io.batchcall.BatchCalls;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.CreditLedger;
import io.batchcall.spi.EventLog;
import io.batchcall.spi.RecipientQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The audit at the end of a run, over the database (through the public API, plus one SQL count of
 * open holds) and the fake carrier's own log. Definitions:
 * <ul>
 *   <li><b>double dials</b>: for each number, the carrier's calls to it beyond the attempts the
 *   database records as dialed (with a call sid) — a call placed twice where one attempt was
 *   intended, whether or not the first was recorded;</li>
 *   <li><b>unknown calls</b>: carrier calls whose sid no attempt records;</li>
 *   <li><b>sid on wrong attempt</b>: an attempt recording a sid the carrier created for another
 *   attempt (the attempt id travels in the StatusCallback URL, which the carrier logs);</li>
 *   <li><b>outcome ≠ carrier</b>: an attempt whose final status or talk time differs from the
 *   carrier's record of its call, and <b>charge ≠ carrier</b>: whose cost differs from the tariff
 *   applied to the carrier's duration;</li>
 *   <li><b>cap at carrier</b>: per account (the from-number), the most calls the carrier had live
 *   at once, from its true-time creation and end stamps, against the account's cap;</li>
 *   <li><b>lost or stuck</b>: recipients not terminal at the end, and batches not completed;</li>
 *   <li><b>ledger</b>: per account, available = top-ups − Σ recorded costs, no open hold, never
 *   negative; ended calls without a cost;</li>
 *   <li><b>events out of order</b>: attempts whose events, in log order, go back in status rank or
 *   in time.</li>
 * </ul>
 */
final class Audit {
    /** An account of the campaign: its caller id, what was topped up, its cap. */
    record Account(AccountId id, String from, Money toppedUp, int cap) {
    }

    private Audit() {
    }

    static AuditReport run(BatchCalls calls, EventLog events, CreditLedger ledger, DataSource ds,
            List<Account> accounts, List<BatchId> batches, CarrierRecord carrier) {
        AuditReport report = new AuditReport();
        List<Recipient> recipients = new ArrayList<>();
        Map<String, List<CallAttempt>> attemptsByNumber = new HashMap<>();
        Map<Long, CallAttempt> attemptsById = new HashMap<>();
        for (BatchId b : batches) {
            for (Recipient r : all(calls, b)) {
                recipients.add(r);
                for (CallAttempt a : calls.attempts(r.id())) {
                    attemptsByNumber.computeIfAbsent(a.to().e164(), k -> new ArrayList<>()).add(a);
                    attemptsById.put(a.id().value(), a);
                }
            }
        }
        Map<String, CallAttempt> bySid = new HashMap<>();
        for (CallAttempt a : attemptsById.values()) {
            if (a.providerCallId() != null) {
                bySid.put(a.providerCallId(), a);
            }
        }
        Map<String, List<CarrierRecord.Call>> carrierByNumber = new HashMap<>();
        carrier.calls.values().forEach(c -> carrierByNumber.computeIfAbsent(c.to, k -> new ArrayList<>()).add(c));

        report.info("recipients", recipients.size(), batches.size() + " batches, " + accounts.size() + " accounts");
        report.info("carrier calls", carrier.calls.size(), "created at the fake carrier");
        report.info("attempts dialed (with sid)", bySid.size(), attemptsById.size() + " attempts in all");
        long numbersTwice = carrierByNumber.values().stream().filter(l -> l.size() > 1).count();
        report.info("numbers called more than once", numbersTwice, "includes intended retries");

        long doubles = 0;
        List<String> doubleExamples = new ArrayList<>();
        for (var e : carrierByNumber.entrySet()) {
            long dialed = attemptsByNumber.getOrDefault(e.getKey(), List.of()).stream()
                    .filter(a -> a.providerCallId() != null).count();
            long extra = e.getValue().size() - dialed;
            if (extra > 0) {
                doubles += extra;
                if (doubleExamples.size() < 3) {
                    doubleExamples.add(e.getKey() + ": " + e.getValue().size() + " calls, " + dialed + " recorded");
                }
            }
        }
        report.check("double dials", doubles, 0, String.join("; ", doubleExamples));
        List<CarrierRecord.Call> unknown = carrier.calls.values().stream().filter(c -> !bySid.containsKey(c.sid))
                .toList();
        report.check("calls the database does not know", unknown.size(), 0, unknown.isEmpty() ? ""
                : "e.g. " + unknown.get(0).sid + " to " + unknown.get(0).to + " for attempt " + unknown.get(0).attempt
                + " (" + unknown.get(0).status + ", " + unknown.get(0).duration + " s)");
        outcomes(report, bySid, carrier);
        caps(report, accounts, carrier);
        stuck(report, calls, recipients, batches);
        ledger(report, ledger, ds, accounts, attemptsById.values());
        events(report, events, attemptsById.keySet());
        report.info("faults injected", carrier.faults.values().stream().mapToInt(Integer::intValue).sum(),
                carrier.faults.toString());
        report.info("genuine callbacks not taken", carrier.delivery.values().stream().mapToInt(Integer::intValue)
                .sum(), carrier.delivery + " (no engine behind the front, or refused)");
        report.info("forged callbacks", carrier.forged.values().stream().mapToInt(Integer::intValue).sum(),
                carrier.forged + " (forgedSignature must get 403; forgedSid should be refused)");
        return report;
    }

    private static List<Recipient> all(BatchCalls calls, BatchId batch) {
        List<Recipient> out = new ArrayList<>();
        List<Recipient> page = calls.recipients(batch, RecipientQuery.first(1000));
        while (!page.isEmpty()) {
            out.addAll(page);
            page = calls.recipients(batch, new RecipientQuery(null, page.get(page.size() - 1).id(), 1000));
        }
        return out;
    }

    private static void outcomes(AuditReport report, Map<String, CallAttempt> bySid, CarrierRecord carrier) {
        long wrongAttempt = 0;
        long outcome = 0;
        long charge = 0;
        String example = "";
        String chargeExample = "";
        for (CallAttempt a : bySid.values()) {
            CarrierRecord.Call c = carrier.calls.get(a.providerCallId());
            if (c == null) {
                continue;
            }
            if (c.attempt != a.id().value()) {
                wrongAttempt++;
            }
            RecipientStatus expected = switch (c.status) {
                case "completed" -> RecipientStatus.COMPLETED;
                case "busy" -> RecipientStatus.BUSY;
                case "no-answer" -> RecipientStatus.NO_ANSWER;
                case "failed", "canceled" -> RecipientStatus.FAILED;
                default -> null;
            };
            long talk = a.talkTime() == null ? 0 : a.talkTime().getSeconds();
            long carrierTalk = "completed".equals(c.status) ? c.duration : 0;
            if (a.status() != expected || talk != carrierTalk) {
                outcome++;
                if (example.isEmpty()) {
                    example = "attempt " + a.id().value() + ": " + a.status().wireName() + " " + talk + " s, carrier "
                            + c.status + " " + carrierTalk + " s";
                }
            }
            Money due = EngineNode.TARIFF.cost(Duration.ofSeconds(carrierTalk));
            if (expected != null && (a.cost() == null || a.cost().micros() != due.micros())) {
                charge++;
                if (chargeExample.isEmpty()) {
                    chargeExample = "attempt " + a.id().value() + " charged " + a.cost() + ", carrier's call costs " + due;
                }
            }
        }
        report.check("sid on wrong attempt", wrongAttempt, 0, null);
        report.check("outcome != carrier", outcome, 0, example);
        report.check("charge != carrier", charge, 0, chargeExample);
    }

    private static void caps(AuditReport report, List<Account> accounts, CarrierRecord carrier) {
        long violations = 0;
        StringBuilder peaks = new StringBuilder();
        long endOfRun = Clock.systemUTC().millis();
        for (Account account : accounts) {
            TreeMap<Long, Integer> delta = new TreeMap<>();
            for (CarrierRecord.Call c : carrier.calls.values()) {
                if (c.from.equals(account.from())) {
                    delta.merge(c.createdMs * 2 + 1, 1, Integer::sum); // ends sort before starts at the same ms
                    delta.merge((c.endMs < 0 ? endOfRun : c.endMs) * 2, -1, Integer::sum);
                }
            }
            int live = 0;
            int peak = 0;
            for (int d : delta.values()) {
                live += d;
                peak = Math.max(peak, live);
            }
            if (peak > account.cap()) {
                violations++;
            }
            peaks.append(peaks.length() == 0 ? "" : ", ").append(account.id().value()).append(' ').append(peak)
                    .append('/').append(account.cap());
        }
        report.check("accounts over cap at carrier", violations, 0, "peak/cap: " + peaks);
    }

    private static void stuck(AuditReport report, BatchCalls calls, List<Recipient> recipients, List<BatchId> batches) {
        Map<RecipientStatus, Integer> byStatus = new TreeMap<>();
        long stuck = 0;
        for (Recipient r : recipients) {
            byStatus.merge(r.status(), 1, Integer::sum);
            if (!r.status().isTerminal()) {
                stuck++;
            }
        }
        report.check("lost or stuck recipients", stuck, 0, byStatus.toString());
        long open = batches.stream().filter(b -> calls.batch(b).batch().status() != BatchStatus.COMPLETED).count();
        report.check("batches not completed", open, 0, null);
    }

    private static void ledger(AuditReport report, CreditLedger ledger, DataSource ds, List<Account> accounts,
            java.util.Collection<CallAttempt> attempts) {
        long inexact = 0;
        long negative = 0;
        StringBuilder detail = new StringBuilder();
        for (Account account : accounts) {
            long costs = attempts.stream().filter(a -> a.account().equals(account.id()) && a.cost() != null)
                    .mapToLong(a -> a.cost().micros()).sum();
            Money available = ledger.available(account.id(), account.toppedUp().currency());
            long expected = account.toppedUp().micros() - costs;
            if (available.micros() != expected) {
                inexact++;
                if (detail.length() < 200) {
                    detail.append(account.id().value()).append(": available ").append(available).append(" != ")
                            .append(Money.ofMicros(expected, account.toppedUp().currency())).append("; ");
                }
            }
            if (available.micros() < 0) {
                negative++;
            }
        }
        report.check("accounts with ledger not exact", inexact, 0, detail.length() == 0
                ? "available = top-ups - sum of recorded costs" : detail.toString());
        report.check("accounts below zero", negative, 0, null);
        long uncharged = attempts.stream().filter(a -> a.providerCallId() != null && a.status().isTerminal()
                && a.cost() == null).count();
        report.check("ended calls without cost", uncharged, 0, null);
        long open = openHolds(ds);
        report.check("open holds left", open, 0, open < 0 ? "could not count: no credit_holds table" : null);
    }

    private static long openHolds(DataSource ds) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM bc_credit_holds WHERE state = 'open'"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void events(AuditReport report, EventLog log, Set<Long> attempts) {
        Map<Long, List<StatusEvent>> byAttempt = new HashMap<>();
        for (AccountId account : log.heads().keySet()) {
            long cursor = 0;
            List<StatusEvent> page = log.after(account, cursor, 10_000);
            while (!page.isEmpty()) {
                for (StatusEvent e : page) {
                    if (e.attemptId() != null && attempts.contains(e.attemptId().value())) {
                        byAttempt.computeIfAbsent(e.attemptId().value(), k -> new ArrayList<>()).add(e);
                    }
                }
                cursor = page.get(page.size() - 1).sequence();
                page = log.after(account, cursor, 10_000);
            }
        }
        long rankBack = 0;
        long timeBack = 0;
        long terminalTwice = 0;
        Set<Long> bad = new HashSet<>();
        for (var entry : byAttempt.entrySet()) {
            List<StatusEvent> list = entry.getValue();
            list.sort(Comparator.comparingLong(StatusEvent::sequence));
            int lastRank = -1;
            Instant lastAt = null;
            int terminals = 0;
            boolean rb = false;
            boolean tb = false;
            for (StatusEvent e : list) {
                RecipientStatus s;
                try {
                    s = RecipientStatus.fromWireName(e.status());
                } catch (IllegalArgumentException notRecipient) {
                    continue;
                }
                if (s == RecipientStatus.PENDING) {
                    continue;
                }
                int rank = s.isTerminal() ? 5 : s.ordinal();
                rb |= rank < lastRank;
                tb |= lastAt != null && e.at().isBefore(lastAt);
                terminals += s.isTerminal() ? 1 : 0;
                lastRank = Math.max(lastRank, rank);
                lastAt = lastAt == null || e.at().isAfter(lastAt) ? e.at() : lastAt;
            }
            rankBack += rb ? 1 : 0;
            timeBack += tb ? 1 : 0;
            terminalTwice += terminals > 1 ? 1 : 0;
            if (rb || tb || terminals > 1) {
                bad.add(entry.getKey());
            }
        }
        report.check("attempts with events out of order", bad.size(), 0, "status back " + rankBack + ", time back "
                + timeBack + ", two terminal events " + terminalTwice + " (of " + byAttempt.size() + " attempts)");
    }
}
