package io.batchcall;

/**
 * The storage backend failed. Adapters translate their vendor errors (for example
 * {@code SQLException}) into this type and say whether a retry can help.
 */
public class StorageException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
    }
}
