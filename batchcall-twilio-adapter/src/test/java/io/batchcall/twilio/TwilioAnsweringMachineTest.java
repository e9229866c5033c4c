package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AnsweredBy;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Answering-machine detection: the parameters asked for, the callback's mapping, the message redirect. */
class TwilioAnsweringMachineTest extends FakeTwilioTest {
    private static final String URL = "https://host.example/twilio/status?attempt=41";
    private final List<CallStatusUpdate> received = new CopyOnWriteArrayList<>();
    private final TwilioStatusCallbacks callbacks = TwilioStatusCallbacks.create(FakeTwilio.SID, FakeTwilio.TOKEN, u -> {
        received.add(u);
        return true;
    }, Clock.fixed(Instant.parse("2026-03-02T16:00:00Z"), ZoneOffset.UTC));

    private static Map<String, List<String>> amd(String answeredBy) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("AccountSid", List.of(FakeTwilio.SID));
        p.put("CallSid", List.of("CA" + "1".repeat(32)));
        p.put("AnsweredBy", List.of(answeredBy));
        p.put("MachineDetectionDuration", List.of("2400"));
        return p;
    }

    @Test
    void noDetectionIsAskedForWithoutAMachinePolicy() {
        telephony.place(Requests.call(41));

        assertThat(twilio.requests.get(0).form()).doesNotContainKeys("MachineDetection", "AsyncAmd",
                "AsyncAmdStatusCallback", "AsyncAmdStatusCallbackMethod");
        assertThat(twilio.requests.get(0).formValue("Url")).doesNotContain("machine_policy");
    }

    @ParameterizedTest
    @CsvSource({"REACHED, Enable", "HANG_UP_AND_RETRY, Enable", "LEAVE_MESSAGE, DetectMessageEnd"})
    void asynchronousDetectionIsAskedForPerPolicy(MachinePolicy policy, String mode) {
        telephony.place(Requests.detecting(41, policy));

        FakeTwilio.Recorded r = twilio.requests.get(0);
        assertThat(r.form().get("MachineDetection")).containsExactly(mode);
        assertThat(r.form().get("AsyncAmd")).containsExactly("true");
        assertThat(r.form().get("AsyncAmdStatusCallback")).containsExactly(URL + "&account=acme");
        assertThat(r.form().get("AsyncAmdStatusCallbackMethod")).containsExactly("POST");
        assertThat(r.formValue("Url")).isEqualTo("https://host.example/twilio/answer?attempt=41&batch=7&machine_policy="
                + policy.wireName());
    }

    @ParameterizedTest
    @CsvSource({"human, HUMAN", "machine_start, MACHINE", "machine_end_beep, MACHINE", "machine_end_silence, MACHINE",
        "machine_end_other, MACHINE", "fax, FAX", "unknown, UNKNOWN"})
    void everyAnsweredByValueIsMapped(String twilioValue, AnsweredBy expected) {
        Map<String, List<String>> p = amd(twilioValue);

        TwilioStatusCallbacks.Result r = callbacks.handle(URL, p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));

        assertThat(r.accepted()).as(r.reason()).isTrue();
        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.attemptId()).isEqualTo(AttemptId.of(41));
            assertThat(u.answeredBy()).isEqualTo(expected);
            assertThat(u.status()).isEqualTo(RecipientStatus.IN_PROGRESS);
            assertThat(u.providerCallId()).isEqualTo("CA" + "1".repeat(32));
        });
    }

    @Test
    void aStatusCallbackThatCarriesAnsweredByKeepsItsStatus() {
        Map<String, List<String>> p = amd("machine_end_beep");
        p.put("CallStatus", List.of("completed"));
        p.put("CallDuration", List.of("12"));

        assertThat(callbacks.handle(URL, p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p)).accepted()).isTrue();
        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(RecipientStatus.COMPLETED);
            assertThat(u.answeredBy()).isEqualTo(AnsweredBy.MACHINE);
        });
    }

    @Test
    void aForgedAmdCallbackIsRefusedAndNothingApplied() {
        Map<String, List<String>> p = amd("human");
        String signature = FakeTwilio.sign(FakeTwilio.TOKEN, URL, p);
        p.put("AnsweredBy", List.of("machine_start")); // altered after signing

        TwilioStatusCallbacks.Result altered = callbacks.handle(URL, p, signature);
        TwilioStatusCallbacks.Result wrongKey = callbacks.handle(URL, p, FakeTwilio.sign("another-token", URL, p));
        TwilioStatusCallbacks.Result unsigned = callbacks.handle(URL, p, null);

        assertThat(List.of(altered, wrongKey, unsigned)).allSatisfy(r -> assertThat(r.httpStatus()).isEqualTo(403));
        assertThat(received).isEmpty();
    }

    @Test
    void anUndocumentedAnsweredByIsABadRequest() {
        Map<String, List<String>> p = amd("robot");

        TwilioStatusCallbacks.Result r = callbacks.handle(URL, p, FakeTwilio.sign(FakeTwilio.TOKEN, URL, p));

        assertThat(r.httpStatus()).isEqualTo(400);
        assertThat(r.reason()).contains("robot").contains("machine_end_beep");
        assertThat(received).isEmpty();
    }

    @Test
    void aMachineOnALeaveMessageCallRedirectsItToTheAnswerUrl() {
        PlacedCall placed = telephony.place(Requests.detecting(41, MachinePolicy.LEAVE_MESSAGE));

        telephony.machineAnswered(placed.providerCallId(),
                new Telephony.MachineAnswer(AttemptId.of(41), BatchId.of(7), MachinePolicy.LEAVE_MESSAGE));
        telephony.machineAnswered("CA" + "e".repeat(32), // unknown (404): nothing to do
                new Telephony.MachineAnswer(AttemptId.of(41), BatchId.of(7), MachinePolicy.LEAVE_MESSAGE));

        FakeTwilio.Recorded redirect = twilio.requests.get(1);
        assertThat(redirect.method()).isEqualTo("POST");
        assertThat(redirect.path()).endsWith("/Calls/" + placed.providerCallId() + ".json");
        assertThat(redirect.formValue("Url")).isEqualTo("https://host.example/twilio/answer?attempt=41&batch=7"
                + "&machine_policy=leave_message&answered_by=machine");
        assertThat(redirect.formValue("Method")).isEqualTo("POST");
    }

    @ParameterizedTest
    @EnumSource(AnsweredBy.class)
    void wireNamesAreLowerCase(AnsweredBy a) {
        assertThat(AnsweredBy.fromWireName(a.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(a);
    }
}
