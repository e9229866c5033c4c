package io.batchcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** verify(sign(x)) holds; any changed byte, another secret, or a timestamp outside tolerance fails. */
class WebhookSignaturePropertiesTest {
    private static final Instant T = Instant.parse("2026-03-02T14:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static Gen<byte[]> bodies() {
        return bodies(0);
    }

    private static Gen<byte[]> bodies(int minSize) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(minSize, 300)
                .map(WebhookSignaturePropertiesTest::bytes);
    }

    private static Gen<String> secrets() {
        return strings().betweenCodePoints(33, 126).ofLengthBetween(16, 64);
    }

    private static byte[] bytes(List<Integer> values) {
        byte[] b = new byte[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) values.get(i);
        }
        return b;
    }

    @Test
    void aSignedBodyVerifiesWithinTheTolerance() {
        qt().withExamples(500).forAll(secrets(), bodies(), integers().between(-300, 300)).checkAssert((s, body, skew) -> {
            String header = WebhookSignature.sign(s, T, body);
            assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
            WebhookSignature.verify(s, header, body, T.plusSeconds(skew), TOLERANCE);
        });
    }

    @Test
    void anyChangedByteFails() {
        qt().withExamples(500).forAll(secrets(), bodies(1), integers().between(0, 10_000),
                integers().between(1, 255)).checkAssert((s, body, at, flip) -> {
                    String header = WebhookSignature.sign(s, T, body);
                    byte[] changed = body.clone();
                    changed[at % changed.length] ^= (byte) (int) flip;
                    assertThat(WebhookSignature.isValid(s, header, changed, T, TOLERANCE)).isFalse();
                    byte[] longer = java.util.Arrays.copyOf(body, body.length + 1);
                    assertThat(WebhookSignature.isValid(s, header, longer, T, TOLERANCE)).isFalse();
                });
    }

    @Test
    void aTimestampOutsideTheToleranceFails() {
        qt().withExamples(500).forAll(secrets(), bodies(), integers().between(301, 1_000_000), integers().between(0, 1))
                .checkAssert((s, body, skew, sign) -> {
                    String header = WebhookSignature.sign(s, T, body);
                    Instant receiverNow = sign == 0 ? T.plusSeconds(skew) : T.minusSeconds(skew);
                    assertThatThrownBy(() -> WebhookSignature.verify(s, header, body, receiverNow, TOLERANCE))
                            .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("tolerance");
                });
    }

    @Test
    void aChangedTimestampOrSecretFails() {
        qt().withExamples(500).forAll(secrets(), secrets(), bodies(), integers().between(1, 300))
                .checkAssert((s, other, body, shift) -> {
                    String header = WebhookSignature.sign(s, T, body);
                    String v1 = header.substring(header.indexOf(",v1="));
                    String moved = "t=" + (T.getEpochSecond() + shift) + v1;
                    assertThat(WebhookSignature.isValid(s, moved, body, T, TOLERANCE)).isFalse();
                    if (!other.equals(s)) {
                        assertThat(WebhookSignature.isValid(other, header, body, T, TOLERANCE)).isFalse();
                    }
                });
    }

    @Test
    void malformedHeadersNameTheProblem() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String secret = "0123456789abcdef";
        assertThatThrownBy(() -> WebhookSignature.verify(secret, null, body, T, TOLERANCE)).hasMessageContaining(
                "header is missing");
        assertThatThrownBy(() -> WebhookSignature.verify(secret, "t=abc,v1=00", body, T, TOLERANCE))
                .hasMessageContaining("whole seconds, but was 'abc'");
        assertThatThrownBy(() -> WebhookSignature.verify(secret, "v1=00", body, T, TOLERANCE))
                .hasMessageContaining("must hold t=<seconds>,v1=<hex>");
        String good = WebhookSignature.sign(secret, T, body);
        String rotated = "t=" + T.getEpochSecond() + ",v1=" + "0".repeat(64) + good.substring(good.indexOf(",v1="));
        assertThat(WebhookSignature.isValid(secret, rotated, body, T, TOLERANCE)).isTrue();
    }
}
