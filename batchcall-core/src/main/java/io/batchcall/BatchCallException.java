package io.batchcall;

/**
 * Root of every exception batchcall throws for an operation that could not be carried out.
 *
 * <p>Invalid argument values (a malformed number, a negative amount, a window whose start equals
 * its end) are reported with {@link IllegalArgumentException} at construction time, before any
 * state is touched. Everything else is a subclass of this type. {@link #isRetryable()} tells a
 * caller whether the same call may succeed later without any change on its side.
 */
public class BatchCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public BatchCallException(String message) {
        this(message, false, null);
    }

    public BatchCallException(String message, Throwable cause) {
        this(message, false, cause);
    }

    protected BatchCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether repeating the same call later may succeed (a lost race, a transient outage). */
    public boolean isRetryable() {
        return retryable;
    }
}
