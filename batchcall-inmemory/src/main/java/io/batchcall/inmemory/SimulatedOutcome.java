package io.batchcall.inmemory;

import io.batchcall.model.RecipientStatus;

/** How a simulated call ends. */
public enum SimulatedOutcome {
    /** Rings, is answered, talks, and ends as completed. */
    ANSWERED(RecipientStatus.COMPLETED),
    /**
     * Rings, is answered by an answering machine, and ends as completed; a batch that asks for
     * answering-machine detection hears {@code machine} shortly after the answer.
     */
    MACHINE(RecipientStatus.COMPLETED),
    /** Rings and ends as busy. */
    BUSY(RecipientStatus.BUSY),
    /** Rings for the request's ring timeout and ends as no_answer. */
    NO_ANSWER(RecipientStatus.NO_ANSWER),
    /** Ends as failed. */
    FAILED(RecipientStatus.FAILED);

    private final RecipientStatus terminal;

    SimulatedOutcome(RecipientStatus terminal) {
        this.terminal = terminal;
    }

    /**
     * The recipient status the simulated call ends in.
     *
     * @return a terminal status
     */
    public RecipientStatus terminal() {
        return terminal;
    }
}
