package io.batchcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What may be registered as a webhook endpoint and secret; errors name the problem. */
class WebhookUrlsTest {
    @Test
    void httpsAnywhereAndHttpOnlyOnLoopback() {
        assertThat(WebhookUrls.check("https://hooks.example.com/batchcall?x=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(WebhookUrls.check("http://localhost:8080/hook")).isNotNull();
        assertThat(WebhookUrls.check("http://127.0.0.1:9000/hook")).isNotNull();
        assertThat(WebhookUrls.check("http://127.5.6.7/hook")).isNotNull();
        assertThat(WebhookUrls.check("http://[::1]:9000/hook")).isNotNull();
    }

    @Test
    void everythingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> WebhookUrls.check("http://hooks.example.com/x")).hasMessageContaining(
                "must use https (http only for localhost)");
        assertThatThrownBy(() -> WebhookUrls.check("http://10.0.0.1/x")).hasMessageContaining("must use https");
        assertThatThrownBy(() -> WebhookUrls.check("ftp://example.com/x")).hasMessageContaining("scheme was 'ftp'");
        assertThatThrownBy(() -> WebhookUrls.check("https://user:pw@example.com/x"))
                .hasMessageContaining("must not carry user-info").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> WebhookUrls.check("/relative")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> WebhookUrls.check("https:///nohost")).hasMessageContaining("must name a host");
        assertThatThrownBy(() -> WebhookUrls.check("https://example.com/x#frag")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> WebhookUrls.check("https://exa mple.com")).hasMessageContaining("not a valid URI");
        assertThatThrownBy(() -> WebhookUrls.check("https://example.com/" + "a".repeat(2000)))
                .hasMessageContaining("at most 2000 characters");
    }

    @Test
    void secretsAreCheckedWithoutBeingEchoed() {
        assertThat(WebhookUrls.checkSecret("0123456789abcdef")).isEqualTo("0123456789abcdef");
        assertThatThrownBy(() -> WebhookUrls.checkSecret("short")).hasMessageContaining("16-256")
                .hasMessageContaining("had 5 characters").hasMessageNotContaining("short'");
        assertThatThrownBy(() -> WebhookUrls.checkSecret("with space 0123456789")).hasMessageContaining(
                "including other characters");
    }
}
