package io.batchcall;

/**
 * An operation asked for a status change that the state machine does not allow, or an edit that
 * the current status forbids. The message names the id, the current status and what was asked.
 */
public class IllegalStateTransitionException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * A refused transition.
     *
     * @param message the object, its current status and the status asked for
     */
    public IllegalStateTransitionException(String message) {
        super(message);
    }
}
