package io.batchcall.twilio.internal;

import io.batchcall.model.AnsweredBy;
import java.util.Optional;

/** Twilio's {@code AnsweredBy} values (answering-machine detection) in batchcall's terms. */
public final class AnsweredByValues {
    private AnsweredByValues() {
    }

    /** Empty for a value Twilio does not document. */
    public static Optional<AnsweredBy> toAnsweredBy(String twilioValue) {
        if (twilioValue == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (twilioValue) {
            case "human" -> AnsweredBy.HUMAN;
            case "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other" -> AnsweredBy.MACHINE;
            case "fax" -> AnsweredBy.FAX;
            case "unknown" -> AnsweredBy.UNKNOWN;
            default -> null;
        });
    }

    /** The values {@link #toAnsweredBy} knows, for error messages. */
    public static String known() {
        return "human, machine_start, machine_end_beep, machine_end_silence, machine_end_other, fax, unknown";
    }
}
