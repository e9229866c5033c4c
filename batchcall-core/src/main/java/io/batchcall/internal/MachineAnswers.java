package io.batchcall.internal;

import io.batchcall.model.AnsweredBy;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.MachinePolicy;
import io.batchcall.spi.BatchStore;
import io.batchcall.spi.Telephony;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a batch's machine policy when detection reports a machine on a live call: hang up
 * ({@link MachinePolicy#HANG_UP_AND_RETRY}; the retry follows from the settlement) or tell the
 * carrier adapter so the host leaves a message ({@link MachinePolicy#LEAVE_MESSAGE}). A failure is
 * logged: the call then simply runs its course.
 */
final class MachineAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(MachineAnswers.class);

    private final BatchStore batches;
    private final Telephony telephony;

    MachineAnswers(BatchStore batches, Telephony telephony) {
        this.batches = batches;
        this.telephony = telephony;
    }

    /** Called after the attempt recorded who answered. */
    void answered(CallAttempt a) {
        if (a.answeredBy() != AnsweredBy.MACHINE || !a.status().isActive() || a.providerCallId() == null) {
            return;
        }
        Optional<MachinePolicy> policy = batches.find(a.batchId()).map(Batch::spec).map(s -> s.machinePolicy());
        try {
            if (policy.orElse(null) == MachinePolicy.HANG_UP_AND_RETRY) {
                telephony.hangUp(a.providerCallId());
            } else if (policy.orElse(null) == MachinePolicy.LEAVE_MESSAGE) {
                telephony.machineAnswered(a.providerCallId(),
                        new Telephony.MachineAnswer(a.id(), a.batchId(), MachinePolicy.LEAVE_MESSAGE));
            }
        } catch (RuntimeException e) {
            LOG.warn("machine policy {} for attempt {} failed; the call runs its course", policy.orElse(null), a.id(), e);
        }
    }
}
