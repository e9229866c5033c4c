package io.batchcall;

/**
 * Another writer changed the same row first (optimistic version check failed, or a guarded
 * update matched no row). Re-read and try again: {@link #isRetryable()} is true.
 */
public class ConcurrentUpdateException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String message) {
        super(message, true, null);
    }
}
