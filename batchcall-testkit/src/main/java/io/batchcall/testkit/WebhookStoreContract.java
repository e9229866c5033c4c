package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.spi.WebhookRegistration;
import io.batchcall.spi.WebhookStore;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WebhookStore}: registrations kept with their URL, secret and time, listed
 * per account by id, listed all together, and removed only by their own account. Subclass it and
 * implement {@link #newStorage(java.time.Clock)}.
 */
public abstract class WebhookStoreContract extends StorageContractSupport {
    private WebhookStore store() {
        return storage.webhooks();
    }

    @Test
    void registrationsAreKeptPerAccountInIdOrder() {
        assertThat(store().list(ACCOUNT)).isEmpty();
        assertThat(store().all()).isEmpty();
        WebhookRegistration one = store().add(ACCOUNT, URI.create("https://hooks.example.com/a?x=1"),
                "s3cret-s3cret-s3cret", now());
        WebhookRegistration other = store().add(OTHER_ACCOUNT, URI.create("https://globex.example/hook"),
                "another-secret-123", now());
        WebhookRegistration two = store().add(ACCOUNT, URI.create("http://127.0.0.1:8080/b"), "0123456789abcdef",
                now().plusSeconds(1));
        assertThat(one.id()).isNotEqualTo(two.id()).isNotEqualTo(other.id());
        assertThat(two.id()).isGreaterThan(one.id());
        assertThat(store().list(ACCOUNT)).containsExactly(one, two);
        assertThat(store().list(OTHER_ACCOUNT)).containsExactly(other);
        assertThat(store().all()).containsExactlyInAnyOrder(one, two, other);
        WebhookRegistration read = store().list(ACCOUNT).get(0);
        assertThat(read.url()).isEqualTo(URI.create("https://hooks.example.com/a?x=1"));
        assertThat(read.secret()).isEqualTo("s3cret-s3cret-s3cret");
        assertThat(read.createdAt()).isEqualTo(now());
        assertThat(read.toString()).doesNotContain("s3cret");
    }

    @Test
    void aRegistrationIsRemovedOnlyByItsAccount() {
        WebhookRegistration one = store().add(ACCOUNT, URI.create("https://hooks.example.com/a"), "0123456789abcdef",
                now());
        assertThat(store().remove(OTHER_ACCOUNT, one.id())).isFalse();
        assertThat(store().list(ACCOUNT)).containsExactly(one);
        assertThat(store().remove(ACCOUNT, one.id())).isTrue();
        assertThat(store().remove(ACCOUNT, one.id())).isFalse();
        assertThat(store().list(ACCOUNT)).isEmpty();
        assertThat(store().all()).isEmpty();
    }
}
