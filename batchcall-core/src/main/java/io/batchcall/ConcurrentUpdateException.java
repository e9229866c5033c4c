package io.batchcall;

/**
 * Another writer changed the same row first (optimistic version check failed, or a guarded
 * update matched no row). Re-read and try again: {@link #isRetryable()} is true.
 */
public class ConcurrentUpdateException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * A lost optimistic-lock race; always retryable.
     *
     * @param message what was being changed, with its id and the version expected
     */
    public ConcurrentUpdateException(String message) {
        super(message, true, null);
    }
}
