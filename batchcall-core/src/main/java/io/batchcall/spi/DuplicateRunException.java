package io.batchcall.spi;

import io.batchcall.BatchCallException;
import io.batchcall.model.BatchId;

/** A run for this (series, occurrence) exists already: another node spawned it first. */
public class DuplicateRunException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * A duplicate run.
     *
     * @param parent the series parent
     * @param occurrence the occurrence index that already has a run
     */
    public DuplicateRunException(BatchId parent, long occurrence) {
        super("series " + parent + " already has a run for occurrence " + occurrence);
    }
}
