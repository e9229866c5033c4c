package io.batchcall.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.twilio.TwilioStatusCallbacks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TwilioCallbackServletTest {
    private static final String TOKEN = "secret";
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final URI PUBLIC = URI.create("https://calls.example.com/batchcall/twilio/status");

    private final List<CallStatusUpdate> received = new CopyOnWriteArrayList<>();
    private final TwilioCallbackServlet servlet = new TwilioCallbackServlet(
            TwilioStatusCallbacks.create(ACCOUNT, TOKEN, u -> received.add(u)), PUBLIC);

    @Test
    void aSignedCallbackReachesTheEngineOverThePublicUrl() throws Exception {
        Map<String, String> form = Map.of("AccountSid", ACCOUNT, "CallSid", "CA42", "CallStatus", "ringing", "SequenceNumber", "1");
        MockHttpServletResponse resp = post(form, sign(PUBLIC + "?attempt=7", form));

        assertThat(resp.getStatus()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(u -> {
            assertThat(u.attemptId().value()).isEqualTo(7);
            assertThat(u.status()).isEqualTo(RecipientStatus.RINGING);
        });
    }

    @Test
    void aForgedCallbackIsRefusedWithoutEffect() throws Exception {
        Map<String, String> form = Map.of("AccountSid", ACCOUNT, "CallSid", "CA42", "CallStatus", "completed");
        MockHttpServletResponse resp = post(form, sign("http://localhost/batchcall/twilio/status?attempt=7", form));

        assertThat(resp.getStatus()).isEqualTo(403);
        assertThat(resp.getContentAsString()).contains("X-Twilio-Signature does not match");
        assertThat(received).isEmpty();
    }

    private MockHttpServletResponse post(Map<String, String> form, String signature) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", "/batchcall/twilio/status");
        req.setQueryString("attempt=7");
        req.addParameter("attempt", "7");
        req.setContentType("application/x-www-form-urlencoded");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(v));
        req.setContent(body.toString().getBytes(StandardCharsets.UTF_8));
        req.addHeader("X-Twilio-Signature", signature);
        MockHttpServletResponse resp = new MockHttpServletResponse();
        servlet.service(req, resp);
        return resp;
    }

    /** Twilio's scheme: HMAC-SHA1 of the URL followed by each parameter name and value, sorted by name. */
    private static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
