package io.batchcall.spi;

/**
 * Receives carrier status updates; the engine implements it and a carrier adapter (for example
 * the Twilio webhook handler) calls it. Thread-safe; updates may arrive twice, late, or out of
 * order, and are applied monotonically.
 */
public interface CallStatusSink {
    /**
     * Applies one carrier update to its attempt and recipient, on the calling thread.
     *
     * @param update the carrier's report, addressed by attempt id
     * @return true if the update changed the call, false if it was a duplicate, stale, or for an
     *     unknown attempt
     */
    boolean onCallStatus(CallStatusUpdate update);
}
