package io.batchcall.spi;

/**
 * The host's last say before each dial: do-not-call lists, consent, quiet days. Called on the
 * engine thread right before the carrier is asked. Fails closed: a refusal or an exception skips
 * the recipient with the reason.
 */
@FunctionalInterface
public interface DialGuard {
    /** Allows every dial. */
    DialGuard ALLOW_ALL = request -> Decision.allow();

    /**
     * Decides whether one dial may go ahead. Called on an engine thread, once per dial, right before
     * the carrier is asked; it should be quick. Throwing skips the recipient (fails closed).
     *
     * @param request the call about to be placed
     * @return {@link Decision#allow()} or {@link Decision#refuse(String)}
     */
    Decision check(CallRequest request);

    /**
     * Allow, or refuse with a reason kept on the recipient.
     *
     * @param allowed whether the dial may go ahead
     * @param reason why it was refused, kept on the skipped recipient; null when allowed
     */
    record Decision(boolean allowed, String reason) {
        /**
         * Lets the dial go ahead.
         *
         * @return an allowing decision
         */
        public static Decision allow() {
            return new Decision(true, null);
        }

        /**
         * Refuses the dial; the recipient is skipped with the reason.
         *
         * @param reason kept on the recipient; null or blank becomes {@code "refused by dial guard"}
         * @return a refusing decision
         */
        public static Decision refuse(String reason) {
            return new Decision(false, reason == null || reason.isBlank() ? "refused by dial guard" : reason);
        }
    }
}
