package io.batchcall.jdbc.internal;

import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientStatus;
import io.batchcall.rules.AttemptChange;
import io.batchcall.rules.AttemptRules;
import io.batchcall.rules.RecipientChange;
import io.batchcall.spi.CarrierUpdate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Status changes of a claimed or placed call, decided by {@link AttemptRules} and written here:
 * each load → rule → write runs in one transaction, the write guarded by the attempt as loaded
 * ({@code WHERE account_id = ? AND id = ? AND status = ? AND settle_due = ? AND provider_call_id …}, the row count
 * checked, re-loaded and asked again if another writer won), followed by the recipient's change
 * under the rule's guards and the event, numbered in the account's log. None of them can raise the
 * active-call count, so none takes the account's claim lock before the event's.
 *
 * <p>On PostgreSQL the two hottest transitions (placement, carrier status) have a one-statement
 * path ({@link OneStatement}) that encodes the same rule; the testkit's model contract checks it
 * against the rule.
 */
final class AttemptTransitions {
    private static final int CAS_ROUNDS = 5;

    private final Jdbc jdbc;
    private final EventWriter events;
    private final String select;
    private final String write;
    private final String follow;
    private final String followGuarded;
    private final OneStatement oneStatement;
    private final String answeredBy;
    private final String disposition;
    private final CarrierGroups groups;
    private final String settleAlone;
    private final boolean durableIntermediate;

    /** @param groups the group commit of the one-statement paths; null when {@code writableCtes} is false */
    AttemptTransitions(Jdbc jdbc, Tables t, EventWriter events, boolean writableCtes, CarrierGroups groups) {
        this(jdbc, t, events, writableCtes, groups, false);
    }

    /**
     * @param durableIntermediate whether ringing and in-progress statuses also wait for the WAL
     *     flush (else they may commit without: a crash can lose only a status the final one supersedes)
     */
    AttemptTransitions(Jdbc jdbc, Tables t, EventWriter events, boolean writableCtes, CarrierGroups groups,
            boolean durableIntermediate) {
        this.durableIntermediate = durableIntermediate;
        this.groups = groups;
        this.jdbc = jdbc;
        this.events = events;
        this.select = t.sql("SELECT " + AttemptRows.COLUMNS + " FROM {p}attempts WHERE account_id = ? AND id = ?");
        this.write = t.sql("UPDATE {p}attempts SET status = ?, provider_call_id = ?, placed_at_us = ?, "
                + "last_event_at_us = ?, ended_at_us = ?, talk_time_us = ?, cost_micros = ?, cost_currency = ?, "
                + "reason = ?, settle_due = ?, claim_owner = ?, lease_until_us = ? WHERE account_id = ? AND id = ? AND CASE WHEN status = ? "
                + "AND settle_due = ? AND COALESCE(provider_call_id, '') = ? AND COALESCE(lease_until_us, -1) = ? "
                + "THEN 1 ELSE 0 END = 1");
        // The guard sits in a CASE so that H2 finds the row by its key: given "status = ?" or
        // "settle_due = ?" it walks an index on that column instead, through every attempt in that
        // state (H2PlanTest pins it).
        String set = "UPDATE {p}recipients SET status = ?, reason = ?, not_before_us = COALESCE(?, not_before_us), "
                + "attempts = CASE WHEN attempts + ? > 0 THEN attempts + ? ELSE 0 END WHERE account_id = ? AND id = ? AND last_attempt = ?";
        this.follow = t.sql(set);
        this.followGuarded = t.sql(set + " AND status = ?");
        this.oneStatement = writableCtes ? new OneStatement(t) : null;
        this.answeredBy = t.sql("UPDATE {p}attempts SET answered_by = ? WHERE account_id = ? AND id = ? AND COALESCE(answered_by, '') = ?");
        this.disposition = t.sql("UPDATE {p}attempts SET disposition_code = ?, disposition_data = ?, "
                + "disposition_at_us = ? WHERE account_id = ? AND id = ? AND disposition_code IS NULL");
        String due = java.util.Arrays.stream(RecipientStatus.values()).filter(s -> s.isTerminal()
                && s != RecipientStatus.SKIPPED).map(s -> "'" + s.wireName() + "'")
                .collect(java.util.stream.Collectors.joining(", "));
        // AttemptRules.settle without a retry changes the attempt alone, and only if its settlement is
        // due (CallAttempt.settlementDue: ended, not skipped, placed, no cost yet): one guarded update.
        this.settleAlone = t.sql("UPDATE {p}attempts SET cost_micros = ?, cost_currency = ?, settle_due = FALSE "
                + "WHERE account_id = ? AND id = ? AND CASE WHEN status IN (" + due + ") AND placed_at_us IS NOT NULL AND cost_micros IS NULL "
                + "THEN 1 ELSE 0 END = 1");
    }

    boolean markPlaced(String account, long attempt, String providerCallId, Instant at) {
        Objects.requireNonNull(providerCallId, "providerCallId must not be null");
        if (oneStatement != null && groups.submit(account, "marking attempt " + attempt + " placed", false,
                (c, noFlush) -> oneStatement.placed(c, account, attempt, providerCallId, at))) {
            return true;
        }
        return jdbc.inTransaction(account, "marking attempt " + attempt + " placed", c -> {
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Optional<CallAttempt> a = read(c, account, attempt);
                if (a.isEmpty()) {
                    return false;
                }
                AttemptRules.Placement p = AttemptRules.placed(a.get(), providerCallId, at);
                if (p.change().isEmpty() || apply(c, p.change().get())) {
                    return p.accepted();
                }
            }
            throw lostRace(attempt);
        });
    }

    Optional<CallAttempt> applyCarrierStatus(String account, long attempt, CarrierUpdate u) {
        if (oneStatement != null && u.answeredBy() == null) {
            return groups.submit(account, "applying carrier status " + u.status() + " to attempt " + attempt,
                    !durableIntermediate && OneStatement.intermediate(u.status()), (c, noFlush) -> oneStatement.carrier(c, account, attempt, u,
                    noFlush));
        }
        return change(account, "applying carrier status " + u.status() + " to attempt " + attempt, attempt,
                a -> AttemptRules.carrierStatus(a, u));
    }

    boolean release(String account, long attempt, Instant notBefore, String reason, Instant at) {
        return change(account, "releasing attempt " + attempt, attempt, a -> AttemptRules.release(a, notBefore, reason, at))
                .isPresent();
    }

    boolean finishUndialed(String account, long attempt, RecipientStatus outcome, String reason, Instant at) {
        if (outcome != RecipientStatus.SKIPPED && outcome != RecipientStatus.FAILED) {
            throw new IllegalArgumentException("an undialed claim ends skipped or failed, but the outcome was "
                    + outcome.wireName());
        }
        return change(account, "ending undialed attempt " + attempt, attempt,
                a -> AttemptRules.finishUndialed(a, outcome, reason, at)).isPresent();
    }

    boolean settle(String account, long attempt, Money charged, Instant retryAt, Instant at) {
        Objects.requireNonNull(charged, "charged must not be null");
        if (retryAt == null) {
            return jdbc.statement(account, "settling attempt " + attempt, c -> Sql.update(c, settleAlone,
                    charged.micros(), charged.currency().getCurrencyCode(), account, attempt) == 1);
        }
        return change(account, "settling attempt " + attempt, attempt, a -> AttemptRules.settle(a, charged, retryAt, at))
                .isPresent();
    }

    boolean takeOver(String account, long attempt, String owner, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        return change(account, "taking over attempt " + attempt, attempt, a -> AttemptRules.takeOver(a, owner, now, leaseUntil)
                .map(next -> new AttemptChange(a, next, null, null, null, null))).isPresent();
    }

    boolean extendLease(String account, long attempt, String owner, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(owner, "owner must not be null");
        return change(account, "extending the lease of attempt " + attempt, attempt, a -> AttemptRules.extendLease(a, owner, now,
                leaseUntil).map(next -> new AttemptChange(a, next, null, null, null, null))).isPresent();
    }

    void touch(String account, long attempt, Instant at) {
        change(account, "touching attempt " + attempt, attempt, a -> AttemptRules.heard(a, at)
                .map(next -> new AttemptChange(a, next, null, null, null, null)));
    }

    /** Load, decide, write if unchanged; again on a lost race. The attempt as written, if the rule applied. */
    private Optional<CallAttempt> change(String account, String what, long attempt,
            Function<CallAttempt, Optional<AttemptChange>> rule) {
        return jdbc.inTransaction(account, what, c -> {
            for (int round = 0; round < CAS_ROUNDS; round++) {
                Optional<CallAttempt> a = read(c, account, attempt);
                Optional<AttemptChange> change = a.flatMap(rule);
                if (change.isEmpty()) {
                    return Optional.<CallAttempt>empty();
                }
                if (apply(c, change.get())) {
                    return Optional.of(AttemptRows.asStored(change.get().after()));
                }
            }
            throw lostRace(attempt);
        });
    }

    /**
     * Writes a decided change; false if the attempt is no longer as loaded. Who answered and the
     * disposition are written by their own statements, each guarded by its loaded value, and only
     * when they change; the other columns only when they change.
     */
    boolean apply(Connection c, AttemptChange ch) throws SQLException {
        CallAttempt b = ch.before();
        CallAttempt a = ch.after();
        if (a.answeredBy() != b.answeredBy() && Sql.update(c, answeredBy, a.answeredBy() == null ? null
                : a.answeredBy().wireName(), a.account().value(), a.id().value(), b.answeredBy() == null ? "" : b.answeredBy().wireName()) != 1) {
            return false;
        }
        if (a.disposition() != null && b.disposition() == null && Sql.update(c, disposition, a.disposition().code(),
                VariablesJson.write(a.disposition().data()), Micros.ofNullable(a.disposition().at()), a.account().value(),
                a.id().value()) != 1) {
            return false;
        }
        boolean rest = !a.withAnsweredBy(b.answeredBy()).withDisposition(b.disposition()).equals(b);
        if (rest && Sql.update(c, write, a.status().wireName(), a.providerCallId(),
                Micros.ofNullable(a.placedAt()), Micros.ofNullable(a.lastEventAt()), Micros.ofNullable(a.endedAt()),
                Micros.ofNullable(a.talkTime()), a.cost() == null ? null : a.cost().micros(),
                a.cost() == null ? null : a.cost().currency().getCurrencyCode(), a.reason(), a.settlementDue(),
                a.owner(), Micros.ofNullable(a.leaseUntil()), a.account().value(), a.id().value(), b.status().wireName(), b.settlementDue(),
                b.providerCallId() == null ? "" : b.providerCallId(), b.leaseUntil() == null ? -1L : Micros.of(b.leaseUntil())) != 1) {
            return false;
        }
        RecipientChange r = ch.recipient();
        if (r != null) {
            Object[] args = {r.status().wireName(), r.reason(), Micros.ofNullable(r.notBefore()), r.attemptsDelta(),
                r.attemptsDelta(), a.account().value(), a.recipientId().value(), a.id().value()};
            int moved = r.onlyIf() == null ? Sql.update(c, follow, args)
                    : Sql.update(c, followGuarded, append(args, r.onlyIf().wireName()));
            if (moved == 0 && r.onlyIf() != null) {
                return true; // a guarded move that no longer applies appends no event
            }
        }
        if (ch.eventStatus() != null) {
            events.append(c, NewEvent.recipient(ch.eventAt(), a.account().value(), a.batchId().value(),
                    a.recipientId().value(), a.id().value(), ch.eventStatus(), ch.eventDetail()));
        }
        return true;
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    Optional<CallAttempt> read(Connection c, String account, long attempt) throws SQLException {
        return Sql.first(c, select, AttemptRows::map, account, attempt);
    }

    private static SQLException lostRace(long attempt) {
        return new SQLException("attempt " + attempt + " kept changing under concurrent writers", "40001");
    }
}
