package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.TelephonyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwilioPlaceCallTest extends FakeTwilioTest {

    @Test
    void postsTheDocumentedFormWithBasicAuth() {
        PlacedCall placed = telephony.place(Requests.call(41));

        assertThat(placed.providerCallId()).startsWith("CA").hasSize(34);
        assertThat(twilio.requests).hasSize(1);
        FakeTwilio.Recorded r = twilio.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilio.SID + "/Calls.json");
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (FakeTwilio.SID + ":" + FakeTwilio.TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.form()).containsOnlyKeys("To", "From", "Url", "StatusCallback", "StatusCallbackMethod",
                "StatusCallbackEvent", "Timeout");
        assertThat(r.form().get("To")).containsExactly("+14155552671");
        assertThat(r.form().get("From")).containsExactly("+14155552000");
        assertThat(r.form().get("Url")).containsExactly("https://host.example/twilio/answer?attempt=41&batch=7");
        assertThat(r.form().get("StatusCallback")).containsExactly("https://host.example/twilio/status?attempt=41&account=acme");
        assertThat(r.form().get("StatusCallbackMethod")).containsExactly("POST");
        assertThat(r.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(r.form().get("Timeout")).containsExactly("25");
    }

    @Test
    void keepsAQueryTheHostPutInItsUrls() throws Exception {
        TwilioTelephony withQuery = TwilioTelephony.builder(FakeTwilio.SID, FakeTwilio.TOKEN,
                new java.net.URI("https://host.example/status?tenant=a%20b"),
                new java.net.URI("https://host.example/answer?tenant=x")).apiBase(twilio.apiBase()).build();

        withQuery.place(Requests.call(5));

        FakeTwilio.Recorded r = twilio.requests.get(0);
        assertThat(r.formValue("StatusCallback")).isEqualTo("https://host.example/status?tenant=a%20b&attempt=5&account=acme");
        assertThat(r.formValue("Url")).isEqualTo("https://host.example/answer?tenant=x&attempt=5&batch=7");
    }

    @Test
    void aMissingRingTimeoutRingsThirtySeconds() {
        telephony.place(Requests.call(1, null));
        assertThat(twilio.requests.get(0).form().get("Timeout")).isEqualTo(List.of("30"));
    }

    @Test
    void aRingTimeoutTwilioCannotTakeIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> telephony.place(Requests.call(1, Duration.ofSeconds(4))))
                .isInstanceOfSatisfying(TelephonyException.class, e -> assertThat(e.kind())
                        .isEqualTo(TelephonyException.Kind.FATAL))
                .hasMessageContaining("ringTimeout").hasMessageContaining("between 5 and 600").hasMessageContaining("4000 ms");
        assertThatThrownBy(() -> telephony.place(Requests.call(1, Duration.ofSeconds(601))))
                .hasMessageContaining("601000 ms");
        assertThat(twilio.requests).isEmpty();
    }
}
