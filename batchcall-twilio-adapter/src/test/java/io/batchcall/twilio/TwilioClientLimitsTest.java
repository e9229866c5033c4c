package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.batchcall.spi.TelephonyException;
import io.batchcall.spi.TelephonyException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's REST-client probes: no redirect-following client, https except to this machine, a
 * 1 MB cap on answers, one deadline that covers the body, no credentials of URLs in logs; and
 * issue 10's masked numbers in failures.
 */
class TwilioClientLimitsTest extends FakeTwilioTest {
    private static final URI STATUS = URI.create("https://host.example/twilio/status");
    private static final URI ANSWER = URI.create("https://host.example/twilio/answer");

    @Override
    protected TwilioTelephonyBuilder configure(TwilioTelephonyBuilder builder) {
        return builder.requestTimeout(Duration.ofSeconds(2));
    }

    private static TwilioTelephonyBuilder builder() {
        return TwilioTelephony.builder(FakeTwilio.SID, FakeTwilio.TOKEN, STATUS, ANSWER);
    }

    @Test
    void aClientThatFollowsRedirectsIsRefused() {
        for (HttpClient.Redirect policy : new HttpClient.Redirect[] {HttpClient.Redirect.NORMAL,
            HttpClient.Redirect.ALWAYS}) {
            HttpClient client = HttpClient.newBuilder().followRedirects(policy).build();

            assertThatThrownBy(() -> builder().httpClient(client)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("httpClient must not follow redirects (a redirect would send the account's "
                            + "credentials to another host), but its redirect policy was " + policy
                            + "; build it with followRedirects(HttpClient.Redirect.NEVER)");
        }
        assertThat(builder().httpClient(HttpClient.newHttpClient())).isNotNull();
    }

    @Test
    void theApiMustBeHttpsExceptOnThisMachine() {
        assertThatThrownBy(() -> builder().apiBase(URI.create("http://api.twilio.com")))
                .hasMessage("apiBase must be https (plain http only to this machine), but was 'http://api.twilio.com'");
        assertThatThrownBy(() -> builder().apiBase(URI.create("https://u:p@api.twilio.com")))
                .hasMessageStartingWith("apiBase must not carry user-info").hasMessageNotContaining("u:p");
        for (String ok : new String[] {"https://api.twilio.com", "http://127.0.0.1:8080", "http://localhost:1",
            "http://[::1]:9"}) {
            assertThat(builder().apiBase(URI.create(ok))).as(ok).isNotNull();
        }
    }

    @Test
    void anAnswerLargerThanOneMegabyteIsRefusedNotRead() {
        twilio.answerNext(200, "{\"sid\":\"CA1\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", Map.of(), 0);

        TelephonyException e = catchThrowableOfType(() -> telephony.place(Requests.call(5)), TelephonyException.class);

        assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(e.getMessage()).contains("the answer was too large");
    }

    @Test
    void aBodyThatDripsInTimesOutUnderTheOneDeadline() throws Exception {
        HttpServer dripping = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool();
        dripping.setExecutor(executor);
        dripping.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, 100);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) { // 100 bytes over 20 s: the headers come at once, the body never in time
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (Exception ignored) {
                // the client hung up
            }
        });
        dripping.start();
        try {
            TwilioTelephony slow = builder().apiBase(URI.create("http://127.0.0.1:" + dripping.getAddress().getPort()))
                    .requestTimeout(Duration.ofSeconds(1)).build();

            TelephonyException e = catchThrowableOfType(() -> slow.place(Requests.call(6)), TelephonyException.class);

            assertThat(e.kind()).isEqualTo(Kind.AMBIGUOUS);
            assertThat(e.getMessage()).contains("no answer from Twilio in time").contains("headers and body");
        } finally {
            dripping.stop(0);
            executor.shutdownNow();
        }
    }

    @Test
    void urlsAreLoggedWithoutTheirCredentials() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        TwilioTelephony built;
        try {
            built = TwilioTelephony.builder(FakeTwilio.SID, FakeTwilio.TOKEN,
                    URI.create("https://hook:s3cret@host.example/twilio/status"),
                    URI.create("https://hook:s3cret@host.example/twilio/answer")).build();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).contains("status callbacks https://***@host.example/twilio/status")
                .contains("answer URL https://***@host.example/twilio/answer").doesNotContain("s3cret");
        assertThat(built.toString()).doesNotContain("s3cret");
    }

    @Test
    void failuresNameTheNumberMasked() {
        twilio.answerNextWithError(500, 20500, "Internal error while calling +14155552671");

        TelephonyException e = catchThrowableOfType(() -> telephony.place(Requests.call(7)), TelephonyException.class);

        assertThat(e.getMessage()).startsWith("placing call for attempt 7 to +*******2671: HTTP 500")
                .doesNotContain("4155552671").doesNotContain("415555");

        twilio.answerNextWithError(500, 20500, "Internal error");
        TelephonyException search = catchThrowableOfType(() -> telephony.lookup(new io.batchcall.spi.LookupRequest(
                io.batchcall.model.AttemptId.of(8), null, Requests.TO, Requests.FROM, FakeTwilio.T0)),
                TelephonyException.class);
        assertThat(search.getMessage()).startsWith("searching the call of attempt 8 to +*******2671: HTTP 500")
                .doesNotContain("4155552671");
    }
}
