package io.batchcall.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import io.batchcall.model.StatusEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The webhook body as documented. */
class EventJsonTest {
    private static final Instant AT = Instant.parse("2026-03-02T14:00:05Z");

    @Test
    void aRecipientEvent() {
        StatusEvent e = new StatusEvent(17, AT, AccountId.of("acme"), BatchId.of(12), RecipientId.of(34),
                AttemptId.of(56), "completed", null);
        assertThat(EventJson.text(e)).isEqualTo("{\"sequence\":17,\"type\":\"recipient\",\"status\":\"completed\","
                + "\"at\":\"2026-03-02T14:00:05Z\",\"account\":\"acme\",\"batch\":12,\"recipient\":34,\"attempt\":56,"
                + "\"detail\":null}");
    }

    @Test
    void aBatchEventWithADetailThatNeedsEscaping() {
        StatusEvent e = new StatusEvent(1, AT, AccountId.of("acme"), BatchId.of(12), null, null, "paused",
                "say \"hi\"\\\n\u0001");
        assertThat(EventJson.text(e)).contains("\"type\":\"batch\"", "\"recipient\":null", "\"attempt\":null",
                "\"detail\":\"say \\\"hi\\\"\\\\\\n\\u0001\"");
    }
}
