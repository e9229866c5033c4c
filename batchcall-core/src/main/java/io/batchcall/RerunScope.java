package io.batchcall;

/** Which recipients a re-run calls again. */
public enum RerunScope {
    /** Every recipient, completed ones included. */
    ALL,
    /** Everyone not completed: failed, busy, no_answer and skipped. */
    UNREACHED
}
