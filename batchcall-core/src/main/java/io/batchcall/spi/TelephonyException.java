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

    private final Kind kind;
    private final Duration retryAfter;

    public TelephonyException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public TelephonyException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, kind == Kind.RETRYABLE, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The carrier's hint for when to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
