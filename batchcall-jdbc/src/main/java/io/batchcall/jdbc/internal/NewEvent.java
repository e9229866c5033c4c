package io.batchcall.jdbc.internal;

import java.time.Instant;

/** A status change to append to the event log inside the writing transaction. */
record NewEvent(Instant at, String account, long batchId, Long recipientId, Long attemptId, String status,
        String detail) {

    static NewEvent batch(Instant at, String account, long batchId, String status, String detail) {
        return new NewEvent(at, account, batchId, null, null, status, detail);
    }

    static NewEvent recipient(Instant at, String account, long batchId, long recipientId, Long attemptId,
            String status, String detail) {
        return new NewEvent(at, account, batchId, recipientId, attemptId, status, detail);
    }
}
