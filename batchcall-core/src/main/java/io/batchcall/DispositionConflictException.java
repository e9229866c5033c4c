package io.batchcall;

/**
 * A disposition was reported for an attempt that already has a different one. A disposition is
 * recorded once; reporting the same code and data again is a no-op success, not this error. The
 * message names the attempt and both codes.
 */
public class DispositionConflictException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * A refused second disposition.
     *
     * @param message the attempt, the recorded code and the code reported now
     */
    public DispositionConflictException(String message) {
        super(message);
    }
}
