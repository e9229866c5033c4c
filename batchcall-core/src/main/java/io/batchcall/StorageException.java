package io.batchcall;

/**
 * The storage backend failed. Adapters translate their vendor errors (for example
 * {@code SQLException}) into this type and say whether a retry can help.
 */
public class StorageException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * A storage failure.
     *
     * @param message what failed, with the ids involved
     * @param retryable whether the same call may succeed later (a lost connection, a serialization failure)
     * @param cause the driver's exception; may be null
     */
    public StorageException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
    }
}
