package io.batchcall;

/** The batch, recipient or attempt named in a call does not exist (or no longer exists). */
public class NotFoundException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * An unknown id.
     *
     * @param message the kind of object and the id that was not found
     */
    public NotFoundException(String message) {
        super(message);
    }
}
