package io.batchcall.delivery;

/** Where a consumer that has no stored cursor yet starts reading its account's event log. */
public enum StartAt {
    /** From the account's first event. */
    OLDEST,
    /** After the account's newest event when the consumer is first opened: only later events. */
    LATEST
}
