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

    /** Whether repeating the same call later may succeed. */
    private final boolean retryable;

    /**
     * A non-retryable failure.
     *
     * @param message what failed, with the ids involved
     */
    public BatchCallException(String message) {
        this(message, false, null);
    }

    /**
     * A non-retryable failure caused by another exception.
     *
     * @param message what failed, with the ids involved
     * @param cause the underlying exception; may be null
     */
    public BatchCallException(String message, Throwable cause) {
        this(message, false, cause);
    }

    /**
     * A failure whose retryability the subclass decides.
     *
     * @param message what failed, with the ids involved
     * @param retryable whether repeating the same call later may succeed
     * @param cause the underlying exception; may be null
     */
    protected BatchCallException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Whether repeating the same call later may succeed (a lost race, a transient outage).
     *
     * @return true when a later retry without any change may succeed
     */
    public boolean isRetryable() {
        return retryable;
    }
}
