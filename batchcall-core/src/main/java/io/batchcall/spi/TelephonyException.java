package io.batchcall.spi;

import io.batchcall.BatchCallException;
import java.time.Duration;

/**
 * A carrier refused or failed a request; {@link #kind()} tells the engine what to do.
 */
public class TelephonyException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /** How a failure is handled. */
    public enum Kind {
        /** Not processed (rate limited, temporarily unavailable): the recipient goes back to pending with backoff. */
        RETRYABLE,
        /** This recipient cannot be called (invalid or unreachable number): it fails with the reason. */
        PERMANENT,
        /** The batch cannot dial at all (credentials, from-number rejected): the batch fails with the reason. */
        FATAL,
        /** Unknown whether the call was placed (timeout, 5xx): reconcile through lookup before any re-dial. */
        AMBIGUOUS
    }

    /** How the engine handles this failure; never null. */
    private final Kind kind;
    /** The carrier's hint for when to try again; null when it gave none. */
    private final Duration retryAfter;

    /**
     * A failure without a retry hint or cause.
     *
     * @param kind how the engine handles it; not null
     * @param message what failed, with the ids involved
     */
    public TelephonyException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    /**
     * A failure with an optional retry hint and cause. Only {@link Kind#RETRYABLE} failures are
     * {@link #isRetryable() retryable}.
     *
     * @param kind how the engine handles it; not null
     * @param message what failed, with the ids involved
     * @param retryAfter the carrier's hint for when to try again; null for none
     * @param cause the vendor exception; may be null
     */
    public TelephonyException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, kind == Kind.RETRYABLE, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /**
     * How the engine handles this failure.
     *
     * @return the kind given at construction
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The carrier's hint for when to try again (for example from a {@code Retry-After} header).
     *
     * @return the delay, or null when the carrier gave none
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
