package io.batchcall.inmemory;

import io.batchcall.model.AnsweredBy;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One call at the simulated carrier: its outcome and the instants of its status changes. */
final class SimulatedCall {
    private final String callId;
    private final CallRequest request;
    private final SimulatedOutcome outcome;
    private final Instant placedAt;
    private final Duration ring;
    private final Duration talk;
    private Instant endedAt;
    private RecipientStatus endStatus;
    private Duration endTalk;

    SimulatedCall(String callId, CallRequest request, SimulatedOutcome outcome, Instant placedAt, Duration ring,
            Duration talk) {
        this.callId = callId;
        this.request = request;
        this.outcome = outcome;
        this.placedAt = placedAt;
        this.ring = ring;
        this.talk = talk;
        this.endStatus = outcome.terminal();
        this.endedAt = placedAt.plus(ring).plus(answers() ? talk : Duration.ZERO);
        this.endTalk = answers() ? talk : Duration.ZERO;
    }

    private boolean answers() {
        return outcome == SimulatedOutcome.ANSWERED || outcome == SimulatedOutcome.MACHINE;
    }

    String callId() {
        return callId;
    }

    CallRequest request() {
        return request;
    }

    Instant endedAt() {
        return endedAt;
    }

    /** The events after the placement (ringing, in_progress, terminal), in time order. */
    List<CallStatusUpdate> timeline() {
        List<CallStatusUpdate> events = new ArrayList<>();
        if (outcome != SimulatedOutcome.FAILED) {
            events.add(update(RecipientStatus.RINGING, placedAt.plusMillis(Math.min(1000, ring.toMillis() / 2)),
                    null));
        }
        if (answers()) {
            events.add(update(RecipientStatus.IN_PROGRESS, placedAt.plus(ring), null));
            if (request.machinePolicy() != null) {
                // Detection takes a moment (longer when it waits for the greeting's end), never past the end.
                long wait = request.machinePolicy() == MachinePolicy.LEAVE_MESSAGE ? 4000 : 2000;
                Instant at = placedAt.plus(ring).plusMillis(Math.min(wait, talk.toMillis() / 2));
                events.add(new CallStatusUpdate(request.attemptId(), callId, RecipientStatus.IN_PROGRESS, at, null,
                        null, outcome == SimulatedOutcome.MACHINE ? AnsweredBy.MACHINE : AnsweredBy.HUMAN,
                        request.account()));
            }
        }
        events.add(terminal());
        return events;
    }

    CallStatusUpdate terminal() {
        return update(endStatus, endedAt, endTalk);
    }

    private CallStatusUpdate update(RecipientStatus status, Instant at, Duration talkTime) {
        String reason = status == RecipientStatus.FAILED ? "simulated carrier failure" : null;
        return new CallStatusUpdate(request.attemptId(), callId, status, at, talkTime, reason, null, request.account());
    }

    RecipientStatus statusAt(Instant now) {
        if (!now.isBefore(endedAt)) {
            return endStatus;
        }
        if (answers() && !now.isBefore(placedAt.plus(ring))) {
            return RecipientStatus.IN_PROGRESS;
        }
        return now.isAfter(placedAt) ? RecipientStatus.RINGING : RecipientStatus.INITIATED;
    }

    Duration talkTimeAt(Instant now) {
        return now.isBefore(endedAt) ? null : endTalk;
    }

    /** Ends the call now if it is still up; returns whether it was. */
    boolean hangUp(Instant now) {
        if (!now.isBefore(endedAt)) {
            return false;
        }
        boolean talking = answers() && !now.isBefore(placedAt.plus(ring));
        endStatus = talking ? RecipientStatus.COMPLETED : RecipientStatus.NO_ANSWER;
        endTalk = talking ? Duration.between(placedAt.plus(ring), now) : Duration.ZERO;
        endedAt = now;
        return true;
    }
}
