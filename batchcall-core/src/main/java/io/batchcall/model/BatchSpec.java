package io.batchcall.model;

import io.batchcall.schedule.CallWindow;
import io.batchcall.schedule.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a user configures about a batch. Immutable; build with {@link #builder}.
 *
 * @param name shown in lists, 1-200 characters
 * @param account the account that pays and whose concurrency cap applies
 * @param fromNumber the caller id
 * @param agentId the host's agent (voice bot, script) that handles the calls; may be null
 * @param startAt when to start; null means as soon as it is sent. Must be null for a recurring
 *     batch, whose {@link Recurrence} carries its first start
 * @param window when calls may be placed
 * @param recipientLocalTime evaluate the window in each recipient's own time zone (from the CSV
 *     {@code timezone} column or the number's region) instead of the window's zone
 * @param batchLimit the most calls this batch may have active at once, 1 to 100000; null for no
 *     limit of its own. The account's cap and reserved slots (from the engine's
 *     {@link io.batchcall.spi.AccountLimitsProvider}) always apply as well
 * @param recurrence how often the batch repeats; null for a one-off batch
 * @param retry which outcomes are dialed again
 * @param deadline after this instant no new dial starts and pending recipients are skipped; may be null
 * @param ringTimeout how long a call rings before it counts as no answer; at least 15 s
 * @param machinePolicy what to do when an answering machine answers; null (the default) asks the
 *     carrier for no detection, and a machine answer counts as reached
 * @param dispositions the codes the host may report for an attempt (see
 *     {@link Disposition}); empty (the default) allows none; at most 100, codes unique
 */
public record BatchSpec(
        String name,
        AccountId account,
        PhoneNumber fromNumber,
        String agentId,
        Instant startAt,
        CallWindow window,
        boolean recipientLocalTime,
        Integer batchLimit,
        Recurrence recurrence,
        RetryPolicy retry,
        Instant deadline,
        Duration ringTimeout,
        MachinePolicy machinePolicy,
        List<DispositionCode> dispositions) {

    /** The ring timeout used when none is given. */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A spec without machine policy and without disposition codes.
     *
     * @param name shown in lists, 1-200 characters
     * @param account the account that pays and whose concurrency cap applies
     * @param fromNumber the caller id
     * @param agentId the host's agent; may be null
     * @param startAt when to start; null means as soon as it is sent
     * @param window when calls may be placed
     * @param recipientLocalTime evaluate the window in each recipient's own time zone
     * @param batchLimit the most calls this batch may have active at once; null for no limit of its own
     * @param recurrence how often the batch repeats; null for a one-off batch
     * @param retry which outcomes are dialed again
     * @param deadline after this instant no new dial starts; may be null
     * @param ringTimeout how long a call rings before it counts as no answer
     */
    public BatchSpec(String name, AccountId account, PhoneNumber fromNumber, String agentId, Instant startAt,
            CallWindow window, boolean recipientLocalTime, Integer batchLimit, Recurrence recurrence, RetryPolicy retry,
            Instant deadline, Duration ringTimeout) {
        this(name, account, fromNumber, agentId, startAt, window, recipientLocalTime, batchLimit, recurrence, retry,
                deadline, ringTimeout, null, List.of());
    }

    /**
     * Validates the components (see the record description); the name is stored stripped of
     * surrounding white space.
     *
     * @param name shown in lists, 1-200 characters
     * @param account the account that pays and whose concurrency cap applies
     * @param fromNumber the caller id
     * @param agentId the host's agent (voice bot, script) that handles the calls; may be null
     * @param startAt when to start; null means as soon as it is sent. Must be null for a recurring batch,
     *     whose {@link Recurrence} carries its first start
     * @param window when calls may be placed
     * @param recipientLocalTime evaluate the window in each recipient's own time zone (from the CSV {@code
     *     timezone} column or the number's region) instead of the window's zone
     * @param batchLimit the most calls this batch may have active at once, 1 to 100000; null for no limit of
     *     its own. The account's cap and reserved slots (from the engine's {@link
     *     io.batchcall.spi.AccountLimitsProvider}) always apply as well
     * @param recurrence how often the batch repeats; null for a one-off batch
     * @param retry which outcomes are dialed again
     * @param deadline after this instant no new dial starts and pending recipients are skipped; may be null
     * @param ringTimeout how long a call rings before it counts as no answer; at least 15 s
     * @param machinePolicy what to do when an answering machine answers; null for no detection
     * @param dispositions the codes the host may report; null reads as empty
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     * @throws NullPointerException if any of account, fromNumber, window, retry, ringTimeout is null
     */
    public BatchSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("name must be at most 200 characters, but was " + name.length());
        }
        Objects.requireNonNull(account, "account must not be null");
        Objects.requireNonNull(fromNumber, "fromNumber must not be null");
        Objects.requireNonNull(window, "window must not be null");
        if (batchLimit != null && (batchLimit < 1 || batchLimit > 100_000)) {
            throw new IllegalArgumentException("batchLimit must be between 1 and 100000 when given, but was "
                    + batchLimit);
        }
        Objects.requireNonNull(retry, "retry must not be null");
        Objects.requireNonNull(ringTimeout, "ringTimeout must not be null");
        if (agentId != null && (agentId.isBlank() || agentId.length() > 200)) {
            throw new IllegalArgumentException("agentId must be 1-200 characters when given, but was '" + agentId + "'");
        }
        if (recurrence != null && startAt != null) {
            throw new IllegalArgumentException("startAt must be null for a recurring batch (the recurrence's first "
                    + "occurrence is its start), but was " + startAt);
        }
        if (deadline != null && startAt != null && !deadline.isAfter(startAt)) {
            throw new IllegalArgumentException("deadline must be after startAt " + startAt + ", but was " + deadline);
        }
        if (ringTimeout.compareTo(Duration.ofSeconds(15)) < 0 || ringTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("ringTimeout must be between 15 s and 10 min, but was "
                    + ringTimeout.getSeconds() + " s");
        }
        dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
        if (dispositions.size() > 100) {
            throw new IllegalArgumentException("dispositions must hold at most 100 codes, but held "
                    + dispositions.size());
        }
        Set<String> codes = new HashSet<>();
        for (DispositionCode c : dispositions) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("dispositions must not repeat a code, but repeated '" + c.code()
                        + "'");
            }
        }
    }

    /**
     * Whether the batch asks the carrier for answering-machine detection.
     *
     * @return true when a {@link #machinePolicy()} is set
     */
    public boolean detectsMachines() {
        return machinePolicy != null;
    }

    /**
     * Starts a builder with the four required values; the rest take the {@link Builder} defaults.
     *
     * @param name shown in lists, 1-200 characters
     * @param account the account that pays for the calls
     * @param fromNumber the caller id
     * @param window when calls may be placed
     * @return a new builder; nothing is validated until {@link Builder#build()}
     */
    public static Builder builder(String name, AccountId account, PhoneNumber fromNumber, CallWindow window) {
        return new Builder(name, account, fromNumber, window);
    }

    /**
     * A builder holding this spec's values, to change a few.
     *
     * @return a new builder initialised from this spec
     */
    public Builder toBuilder() {
        return new Builder(name, account, fromNumber, window)
                .agentId(agentId).startAt(startAt).recipientLocalTime(recipientLocalTime).batchLimit(batchLimit)
                .recurrence(recurrence).retry(retry).deadline(deadline)
                .ringTimeout(ringTimeout).machinePolicy(machinePolicy).dispositions(dispositions);
    }

    /**
     * Whether this batch repeats, i.e. has a {@link Recurrence}.
     *
     * @return true when {@link #recurrence()} is not null
     */
    public boolean isRecurring() {
        return recurrence != null;
    }

    /**
     * Builds a {@link BatchSpec}; defaults: start on send, no batch limit (the account's limits
     * apply), no retry, 30 s ring timeout.
     */
    public static final class Builder {
        private String name;
        private AccountId account;
        private PhoneNumber fromNumber;
        private CallWindow window;
        private String agentId;
        private Instant startAt;
        private boolean recipientLocalTime;
        private Integer batchLimit;
        private Recurrence recurrence;
        private RetryPolicy retry = RetryPolicy.none();
        private Instant deadline;
        private Duration ringTimeout = DEFAULT_RING_TIMEOUT;
        private MachinePolicy machinePolicy;
        private List<DispositionCode> dispositions = List.of();

        private Builder(String name, AccountId account, PhoneNumber fromNumber, CallWindow window) {
            this.name = name;
            this.account = account;
            this.fromNumber = fromNumber;
            this.window = window;
        }

        /**
         * Sets the name.
         *
         * @param value 1-200 characters after stripping
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * Sets the caller id.
         *
         * @param value the number shown to recipients; not null
         * @return this builder
         */
        public Builder fromNumber(PhoneNumber value) {
            this.fromNumber = value;
            return this;
        }

        /**
         * Sets when calls may be placed.
         *
         * @param value the call window; not null
         * @return this builder
         */
        public Builder window(CallWindow value) {
            this.window = value;
            return this;
        }

        /**
         * Sets the host's agent (voice bot, script) that handles the calls.
         *
         * @param value 1-200 characters, or null for none
         * @return this builder
         */
        public Builder agentId(String value) {
            this.agentId = value;
            return this;
        }

        /**
         * Sets when the batch starts.
         *
         * @param value the start instant, or null to start as soon as it is sent (and for recurring batches)
         * @return this builder
         */
        public Builder startAt(Instant value) {
            this.startAt = value;
            return this;
        }

        /**
         * Evaluates the window in each recipient's own time zone rather than the window's zone.
         *
         * @param value true for recipient-local time
         * @return this builder
         */
        public Builder recipientLocalTime(boolean value) {
            this.recipientLocalTime = value;
            return this;
        }

        /**
         * Limits this batch to {@code value} active calls; the account's cap applies too.
         *
         * @param value 1 to 100000, or null for no limit of its own
         * @return this builder
         */
        public Builder batchLimit(Integer value) {
            this.batchLimit = value;
            return this;
        }

        /**
         * Makes the batch repeat.
         *
         * @param value the recurrence, or null for a one-off batch
         * @return this builder
         */
        public Builder recurrence(Recurrence value) {
            this.recurrence = value;
            return this;
        }

        /**
         * Sets which outcomes are dialed again.
         *
         * @param value the retry policy; not null (default {@link RetryPolicy#none()})
         * @return this builder
         */
        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        /**
         * Sets the instant after which no new dial starts and pending recipients are skipped.
         *
         * @param value the deadline, or null for none
         * @return this builder
         */
        public Builder deadline(Instant value) {
            this.deadline = value;
            return this;
        }

        /**
         * Sets how long a call rings before it counts as no answer.
         *
         * @param value between 15 s and 10 min (default 30 s)
         * @return this builder
         */
        public Builder ringTimeout(Duration value) {
            this.ringTimeout = value;
            return this;
        }

        /**
         * Sets what to do when an answering machine answers; setting one asks for detection.
         *
         * @param value the policy, or null for no detection (the default)
         * @return this builder
         */
        public Builder machinePolicy(MachinePolicy value) {
            this.machinePolicy = value;
            return this;
        }

        /**
         * Sets the disposition codes the host may report for an attempt.
         *
         * @param value the codes; null or empty for none (the default)
         * @return this builder
         */
        public Builder dispositions(List<DispositionCode> value) {
            this.dispositions = value;
            return this;
        }

        /**
         * Builds and validates the spec.
         *
         * @return the new spec
         * @throws IllegalArgumentException if a value breaks a rule of {@link BatchSpec}'s constructor
         * @throws NullPointerException if a required value is null
         */
        public BatchSpec build() {
            return new BatchSpec(name, account, fromNumber, agentId, startAt, window, recipientLocalTime, batchLimit,
                    recurrence, retry, deadline, ringTimeout, machinePolicy, dispositions);
        }
    }
}
