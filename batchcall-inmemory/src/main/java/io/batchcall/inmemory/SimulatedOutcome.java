package io.batchcall.inmemory;

import io.batchcall.model.RecipientStatus;

/** How a simulated call ends. */
public enum SimulatedOutcome {
    ANSWERED(RecipientStatus.COMPLETED),
    BUSY(RecipientStatus.BUSY),
    NO_ANSWER(RecipientStatus.NO_ANSWER),
    FAILED(RecipientStatus.FAILED);

    private final RecipientStatus terminal;

    SimulatedOutcome(RecipientStatus terminal) {
        this.terminal = terminal;
    }

    public RecipientStatus terminal() {
        return terminal;
    }
}
