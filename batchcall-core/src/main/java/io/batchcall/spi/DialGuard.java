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

    Decision check(CallRequest request);

    /** Allow, or refuse with a reason kept on the recipient. */
    record Decision(boolean allowed, String reason) {
        public static Decision allow() {
            return new Decision(true, null);
        }

        public static Decision refuse(String reason) {
            return new Decision(false, reason == null || reason.isBlank() ? "refused by dial guard" : reason);
        }
    }
}
