package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.AttemptId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.TelephonyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioLookupAndHangUpTest extends FakeTwilioTest {

    private Optional<CallInfo> lookup(String sid, Instant claimedAt) {
        return telephony.lookup(new LookupRequest(AttemptId.of(1), sid, Requests.TO, Requests.FROM, claimedAt));
    }

    private Optional<CallInfo> lookup(Instant claimedAt, Set<String> known) {
        return telephony.lookup(new LookupRequest(AttemptId.of(1), null, Requests.TO, Requests.FROM, claimedAt,
                known));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"queued, INITIATED", "initiated, INITIATED", "ringing, RINGING", "in-progress, IN_PROGRESS",
        "completed, COMPLETED", "busy, BUSY", "no-answer, NO_ANSWER", "failed, FAILED", "canceled, FAILED"})
    void lookupByCallIdMapsTheStatus(String twilioStatus, RecipientStatus expected) {
        FakeTwilio.Call call = twilio.addCall("+14155552671", "+14155552000", twilioStatus, FakeTwilio.T0);
        assertThat(lookup(call.sid, Instant.EPOCH)).map(CallInfo::status).contains(expected);
        assertThat(twilio.requests.get(0).path()).endsWith("/Calls/" + call.sid + ".json");
    }

    @Test
    void aCompletedCallsDurationIsItsTalkTime() {
        FakeTwilio.Call call = twilio.addCall("+14155552671", "+14155552000", "completed", FakeTwilio.T0);
        call.duration = 73;
        assertThat(lookup(call.sid, Instant.EPOCH)).get()
                .isEqualTo(new CallInfo(call.sid, RecipientStatus.COMPLETED, Duration.ofSeconds(73)));
        FakeTwilio.Call busy = twilio.addCall("+14155552671", "+14155552000", "busy", FakeTwilio.T0);
        assertThat(lookup(busy.sid, Instant.EPOCH).get().talkTime()).isNull();
    }

    @Test
    void anUnknownCallIdIsEmpty() {
        assertThat(lookup("CA" + "f".repeat(32), Instant.EPOCH)).isEmpty();
    }

    @Test
    void aServerErrorDuringLookupIsAmbiguous() {
        twilio.answerNextWithError(500, 20500, "Internal Server Error");
        assertThatThrownBy(() -> lookup("CA" + "f".repeat(32), Instant.EPOCH))
                .isInstanceOfSatisfying(TelephonyException.class, e -> assertThat(e.kind())
                        .isEqualTo(TelephonyException.Kind.AMBIGUOUS));
    }

    @Test
    void withoutACallIdTheEarliestCallAtOrAfterTheClaimIsAdopted() {
        Instant claim = Instant.parse("2026-03-02T15:10:00.600Z");
        FakeTwilio.Call earlier = twilio.addCall("+14155552671", "+14155552000", "completed",
                claim.minusSeconds(60)); // an earlier attempt, whose call id is recorded
        FakeTwilio.Call mine = twilio.addCall("+14155552671", "+14155552000", "ringing", Instant.parse(
                "2026-03-02T15:10:00Z")); // Twilio's whole-second time of a call created 15:10:00.8
        twilio.addCall("+14155552671", "+14155552000", "queued", claim.plusSeconds(90)); // a later attempt
        twilio.addCall("+14155559999", "+14155552000", "ringing", claim.plusSeconds(1)); // another number

        assertThat(lookup(claim, Set.of(earlier.sid))).map(CallInfo::providerCallId).contains(mine.sid);

        FakeTwilio.Recorded byStart = twilio.requests.get(0);
        assertThat(byStart.path()).endsWith("/Calls.json");
        assertThat(byStart.query().get("To")).containsExactly("+14155552671");
        assertThat(byStart.query().get("From")).containsExactly("+14155552000");
        assertThat(byStart.query().get("StartTime>=")).containsExactly("2026-03-02");
        assertThat(twilio.requests.get(1).query().get("Status")).containsExactly("queued");
    }

    @Test
    void withoutACallIdAQueuedCallIsFoundByItsCreationTime() {
        Instant claim = Instant.parse("2026-03-02T15:10:00Z");
        FakeTwilio.Call queued = twilio.addCall("+14155552671", "+14155552000", "queued", claim.plusSeconds(2));
        assertThat(lookup(null, claim)).map(CallInfo::providerCallId).contains(queued.sid);
    }

    @Test
    void withoutACallIdACarrierClockMinutesBehindStillFindsTheCall() {
        Instant claim = Instant.parse("2026-03-02T15:10:00.250Z");
        for (int behindSeconds : new int[] {1, 250, 300}) {
            FakeTwilio.Call call = twilio.addCall("+14155552671", "+14155552000", "in-progress",
                    claim.minusSeconds(behindSeconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(lookup(claim, Set.of())).as("carrier %d s behind", behindSeconds)
                    .map(CallInfo::providerCallId).contains(call.sid);
            call.status = "completed";
            assertThat(lookup(claim, Set.of(call.sid))).as("a recorded call is never this attempt's").isEmpty();
            twilio.calls.remove(call.sid);
        }
    }

    @Test
    void withoutACallIdNothingWithinTheMarginIsEmpty() {
        Instant claim = Instant.parse("2026-03-02T15:10:00Z");
        twilio.addCall("+14155552671", "+14155552000", "completed", claim.minus(Duration.ofMinutes(11)));
        twilio.addCall("+14155550000", "+14155552000", "completed", claim.plusSeconds(3)); // another number
        assertThat(lookup(null, claim)).isEmpty();
    }

    @Test
    void hangUpEndsTheCallAndIsIdempotent() {
        PlacedCall placed = telephony.place(Requests.call(3));

        telephony.hangUp(placed.providerCallId());
        telephony.hangUp(placed.providerCallId()); // Twilio answers 21220: already ended
        telephony.hangUp("CA" + "e".repeat(32)); // unknown: 404

        FakeTwilio.Recorded first = twilio.requests.get(1);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).endsWith("/Calls/" + placed.providerCallId() + ".json");
        assertThat(first.form().get("Status")).containsExactly("completed");
        assertThat(twilio.calls.get(placed.providerCallId()).status).isEqualTo("canceled");
    }

    @Test
    void hangUpOfAnInProgressCallCompletesIt() {
        FakeTwilio.Call call = twilio.addCall("+14155552671", "+14155552000", "in-progress", FakeTwilio.T0);
        telephony.hangUp(call.sid);
        assertThat(call.status).isEqualTo("completed");
    }

    @Test
    void hangUpWithBadCredentialsIsFatalAndABadSidIsRefused() {
        twilio.answerNextWithError(401, 20003, "Authenticate");
        assertThatThrownBy(() -> telephony.hangUp("CA" + "e".repeat(32)))
                .isInstanceOfSatisfying(TelephonyException.class, e -> assertThat(e.kind())
                        .isEqualTo(TelephonyException.Kind.FATAL));
        assertThatThrownBy(() -> telephony.hangUp("../Messages"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("providerCallId")
                .hasMessageContaining("'../Messages'");
    }
}
