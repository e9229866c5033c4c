package io.batchcall.model;

import java.util.Locale;

/**
 * What a batch does when an answering machine answers. Setting one on a {@link BatchSpec} asks the
 * carrier for answering-machine detection; a batch without one asks for none, and a machine
 * answer then counts as reached like any completed call.
 */
public enum MachinePolicy {
    /** Detect and record who answered; a machine answer counts as reached (completed, no retry). */
    REACHED,
    /**
     * Hang up as soon as a machine is detected; the attempt's outcome counts as {@code machine}
     * for the retry policy (see {@link RetryPolicy#byOutcome()}).
     */
    HANG_UP_AND_RETRY,
    /**
     * Let the call proceed so the host's agent leaves a message after the greeting; the carrier
     * waits for the end of the greeting before it reports, and the host's answer endpoint is told
     * that a machine answered. The outcome counts as {@code machine} for the retry policy.
     */
    LEAVE_MESSAGE;

    /**
     * The name used on the wire and in storage.
     *
     * @return the lower-case constant name, e.g. {@code leave_message}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The value with this wire name.
     *
     * @param wireName {@code reached}, {@code hang_up_and_retry} or {@code leave_message}
     * @return the value
     * @throws IllegalArgumentException naming the value when it is none of them
     */
    public static MachinePolicy fromWireName(String wireName) {
        for (MachinePolicy p : values()) {
            if (p.wireName().equals(wireName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("machinePolicy must be reached, hang_up_and_retry or leave_message, but was '"
                + wireName + "'");
    }
}
