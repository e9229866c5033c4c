package io.batchcall.delivery;

import io.batchcall.BatchCallException;

/** A webhook delivery failed verification; the message says why. Not retryable. */
public class WebhookSignatureException extends BatchCallException {
    private static final long serialVersionUID = 1L;

    /**
     * A failed verification.
     *
     * @param message what is wrong with the delivery
     */
    public WebhookSignatureException(String message) {
        super(message);
    }
}
