package io.batchcall.twilio.internal;

import io.batchcall.model.RecipientStatus;
import java.util.Optional;

/** Twilio's call statuses ({@code CallStatus}, the Call resource's {@code status}) in batchcall's terms. */
public final class CallStatuses {
    private CallStatuses() {
    }

    /** Empty for a status Twilio does not document. */
    public static Optional<RecipientStatus> toRecipientStatus(String twilioStatus) {
        if (twilioStatus == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (twilioStatus) {
            case "queued", "initiated" -> RecipientStatus.INITIATED;
            case "ringing" -> RecipientStatus.RINGING;
            case "in-progress" -> RecipientStatus.IN_PROGRESS;
            case "completed" -> RecipientStatus.COMPLETED;
            case "busy" -> RecipientStatus.BUSY;
            case "no-answer" -> RecipientStatus.NO_ANSWER;
            case "failed", "canceled" -> RecipientStatus.FAILED;
            default -> null;
        });
    }

    /** The statuses {@link #toRecipientStatus} knows, for error messages. */
    public static String known() {
        return "queued, initiated, ringing, in-progress, completed, busy, no-answer, failed, canceled";
    }
}
