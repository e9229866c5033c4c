package io.batchcall.rules;

import io.batchcall.model.AnsweredBy;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.RetryPolicy;
import io.batchcall.schedule.CallWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When an ended attempt's recipient is dialed again, decided once: by its disposition, its
 * outcome ({@code busy}, {@code no_answer}, {@code failed}, {@code machine}) and the batch's
 * {@link RetryPolicy}, in the batch's call window. Pure and total; the engine's settlement and the
 * facade's disposition both use it, and the stores apply the result.
 */
public final class RetryRules {
    /** The outcome of a completed attempt answered by a machine under a policy that retries machines. */
    public static final String MACHINE = "machine";
    private static final int MAX_ROUNDS = 64;

    private RetryRules() {
    }

    /**
     * The outcome an ended attempt counts as for retries: {@code busy}, {@code no_answer},
     * {@code failed}, or {@code machine} for a completed call answered by a machine when the batch's
     * machine policy is {@link MachinePolicy#HANG_UP_AND_RETRY} or {@link MachinePolicy#LEAVE_MESSAGE}.
     *
     * @param a the ended attempt
     * @param machinePolicy the batch's machine policy; null for none (machines count as reached)
     * @return the outcome, or empty for a reached (completed) or skipped attempt
     */
    public static Optional<String> outcomeOf(CallAttempt a, MachinePolicy machinePolicy) {
        if (a.status().isFailure()) {
            return Optional.of(a.status().wireName());
        }
        if (a.status() == RecipientStatus.COMPLETED && a.answeredBy() == AnsweredBy.MACHINE
                && (machinePolicy == MachinePolicy.HANG_UP_AND_RETRY || machinePolicy == MachinePolicy.LEAVE_MESSAGE)) {
            return Optional.of(MACHINE);
        }
        return Optional.empty();
    }

    /**
     * The attempts of the run {@code a} belongs to, up to and including {@code a}, oldest first:
     * going back from {@code a} to the latest dial numbered 1 that was not given back undialed.
     *
     * @param history every attempt of the recipient, in any order
     * @param a one of them
     * @return the run's attempts up to {@code a}
     */
    public static List<CallAttempt> runOf(List<CallAttempt> history, CallAttempt a) {
        List<CallAttempt> sorted = new ArrayList<>(history);
        sorted.removeIf(x -> x.id().compareTo(a.id()) > 0 || x.id().equals(a.id()));
        sorted.sort((x, y) -> x.id().compareTo(y.id()));
        List<CallAttempt> run = new ArrayList<>();
        run.add(a);
        if (a.number() <= 1 && a.status() != RecipientStatus.SKIPPED) {
            return run;
        }
        for (int i = sorted.size() - 1; i >= 0; i--) {
            CallAttempt x = sorted.get(i);
            run.add(0, x);
            if (x.number() <= 1 && x.status() != RecipientStatus.SKIPPED) {
                break;
            }
        }
        return run;
    }

    /**
     * When the recipient of the ended attempt {@code a} is dialed again, or empty for never. In
     * this order: a disposition asking for a call back ({@code callback_at}) is dialed then; a
     * disposition code with a rule in {@link RetryPolicy#byDisposition()} follows that rule; an
     * outcome ({@link #outcomeOf}) with a rule in {@link RetryPolicy#byOutcome()} follows that
     * rule; otherwise the single delay ({@link RetryPolicy#nextDialAt}) decides for busy,
     * no_answer and failed, and (delay and maximum) for machine under
     * {@link MachinePolicy#HANG_UP_AND_RETRY}. A rule's k counts the run's attempts that ended in that outcome (or
     * got that code), {@code a} included. A rule's time is moved to the first instant at which all
     * {@code windows} are open; a call back and the single delay keep their time (as before rules
     * existed), and the dial waits for the window then like any other.
     *
     * @param policy the batch's retry policy
     * @param machinePolicy the batch's machine policy; null for none
     * @param a the ended attempt
     * @param run the attempts of its run up to {@code a} ({@link #runOf}); {@code a} alone is fine
     * @param windows the call windows that must all be open (the batch window, or one per zone of
     *     the recipient); empty for no constraint
     * @return the earliest instant of the next dial, or empty
     */
    public static Optional<Instant> retryAt(RetryPolicy policy, MachinePolicy machinePolicy, CallAttempt a,
            List<CallAttempt> run, List<CallWindow> windows) {
        Objects.requireNonNull(policy, "policy must not be null");
        if (!a.status().isTerminal() || a.status() == RecipientStatus.SKIPPED || a.endedAt() == null) {
            return Optional.empty();
        }
        if (a.disposition() != null) {
            Optional<Instant> callback = a.disposition().callbackAt();
            if (callback.isPresent()) {
                return callback;
            }
            OutcomeRetry rule = policy.byDisposition().get(a.disposition().code());
            if (rule != null) {
                String code = a.disposition().code();
                long k = run.stream().filter(x -> x.disposition() != null && code.equals(x.disposition().code()))
                        .count();
                return next(rule, (int) Math.max(1, k), a.endedAt(), windows);
            }
        }
        Optional<String> outcome = outcomeOf(a, machinePolicy);
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        OutcomeRetry rule = policy.byOutcome().get(outcome.get());
        if (rule != null) {
            long k = run.stream().filter(x -> outcomeOf(x, machinePolicy).equals(outcome)).count();
            return next(rule, (int) Math.max(1, k), a.endedAt(), windows);
        }
        if (outcome.get().equals(MACHINE)) {
            // no rule for machines: the single delay and maximum, for a policy that hangs up to retry
            return machinePolicy == MachinePolicy.HANG_UP_AND_RETRY && a.number() < policy.maxAttempts()
                    ? Optional.of(firstOpen(windows, a.endedAt().plus(policy.delay()))) : Optional.empty();
        }
        return policy.nextDialAt(a.status(), a.number(), a.endedAt());
    }

    /**
     * The time of the next dial after the {@code k}-th dial ending in a rule's outcome, ended at
     * {@code endedAt}: empty when {@code k} reached the rule's maximum; else the first instant at or
     * after both {@code endedAt + delayAfter(k)} and {@code endedAt + nextWindowAfter} at which
     * every window is open.
     *
     * @param rule the outcome's rule
     * @param k how many dials of the run ended in this outcome, this one included (at least 1)
     * @param endedAt when this dial ended
     * @param windows windows that must all be open; empty for none
     * @return the next dial's earliest instant, or empty for no more retries
     */
    public static Optional<Instant> next(OutcomeRetry rule, int k, Instant endedAt, List<CallWindow> windows) {
        if (k >= rule.maxAttempts()) {
            return Optional.empty();
        }
        Duration wait = rule.delayAfter(k);
        if (rule.nextWindowAfter().compareTo(wait) > 0) {
            wait = rule.nextWindowAfter();
        }
        return Optional.of(firstOpen(windows, endedAt.plus(wait)));
    }

    /**
     * The first instant at or after {@code t} at which every window is open ({@code t} when they
     * all are, or when there are none). Windows that are never open together within about a year
     * leave the answer at the last candidate tried (a dial then waits for the windows as always).
     *
     * @param windows the windows; empty for none
     * @param t the earliest instant
     * @return the instant
     */
    public static Instant firstOpen(List<CallWindow> windows, Instant t) {
        Instant at = t;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (CallWindow w : windows) {
                Instant open = w.nextOpening(at);
                if (open.isAfter(at)) {
                    at = open;
                    moved = true;
                }
            }
            if (!moved) {
                return at;
            }
        }
        return at;
    }
}
