package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import io.batchcall.model.BatchId;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Disposition reports, their counts and call backs: success and every error, over HTTP. */
class OutcomeRoutesTest {
    private static final String SIX = "phone\n+14155550101\n+14155550102\n+14155550103\n+14155550104\n"
            + "+14155550105\n+14155550106\n";

    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static JsonNode problem(Res r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/problem+json");
        return r.json();
    }

    /** A sent batch of {@code account} with codes sale, dnc and call_back, one dial at a time. */
    private long sentBatch(io.batchcall.model.AccountId account) {
        Res created = f.post(account, "/batches", "{\"name\":\"Outcomes\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"draft\":true,\"batch_limit\":1,\"dispositions\":[{\"code\":\"sale\"},"
                + "{\"code\":\"dnc\",\"opt_out\":true},{\"code\":\"call_back\"}]}");
        long id = created.json().get("id").asLong();
        assertThat(f.upload(account, id, SIX).status()).isEqualTo(200);
        assertThat(f.post(account, "/batches/" + id + "/send", null).status()).isEqualTo(200);
        return id;
    }

    /** Steps the engine until some recipient's dial has ended; returns that recipient's id. */
    private long firstEnded(long batch) {
        for (int i = 0; i < 20_000; i++) {
            for (JsonNode r : f.get(ACME, "/batches/" + batch + "/recipients").json().get("items")) {
                if (RecipientStatus.fromWireName(r.get("status").asText()).isTerminal()) {
                    return r.get("id").asLong();
                }
            }
            f.calls.runOnce();
            f.clock.advance(Duration.ofMillis(500));
            f.carrier.deliverDue();
        }
        throw new AssertionError("no dial of batch " + batch + " ended");
    }

    private JsonNode lastAttempt(long batch, long recipient) {
        JsonNode items = f.get(ACME, "/batches/" + batch + "/recipients/" + recipient + "/attempts").json()
                .get("items");
        return items.get(items.size() - 1);
    }

    @Test
    void aDispositionIsRecordedOnceCountedAndRepeatableButNotChangeable() {
        long batch = sentBatch(ACME);
        long recipient = firstEnded(batch);
        long attempt = lastAttempt(batch, recipient).get("id").asLong();
        String path = "/attempts/" + attempt + "/disposition";

        Res first = f.post(ACME, path, "{\"code\":\"sale\",\"data\":{\"summary\":\"bought two\"}}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("id").asLong()).isEqualTo(attempt);
        assertThat(first.json().get("disposition").get("code").asText()).isEqualTo("sale");
        assertThat(first.json().get("disposition").get("data").get("summary").asText()).isEqualTo("bought two");
        assertThat(first.json().get("disposition").get("at").asText()).isEqualTo(f.clock.instant().toString());
        assertThat(lastAttempt(batch, recipient).get("disposition")).isEqualTo(first.json().get("disposition"));

        Res again = f.post(ACME, path, "{\"code\":\"sale\",\"data\":{\"summary\":\"bought two\"}}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("disposition")).isEqualTo(first.json().get("disposition"));

        JsonNode conflict = problem(f.post(ACME, path, "{\"code\":\"dnc\"}"), 409);
        assertThat(conflict.get("type").asText()).endsWith("/disposition-conflict");
        assertThat(conflict.get("detail").asText()).contains("sale").contains("dnc");
        assertThat(problem(f.post(ACME, path, "{\"code\":\"sale\",\"data\":{\"summary\":\"other\"}}"), 409)
                .get("type").asText()).endsWith("/disposition-conflict");

        JsonNode counts = f.get(ACME, "/batches/" + batch + "/dispositions").json();
        assertThat(counts.get("batch_id").asLong()).isEqualTo(batch);
        assertThat(counts.get("counts").get("sale").asLong()).isEqualTo(1);
        assertThat(counts.get("counts").has("dnc")).isFalse();
    }

    @Test
    void badDispositionReportsAnswer400NamingTheField() {
        long batch = sentBatch(ACME);
        long attempt = lastAttempt(batch, firstEnded(batch)).get("id").asLong();
        String path = "/attempts/" + attempt + "/disposition";
        assertThat(problem(f.post(ACME, path, "{\"code\":\"refund\"}"), 400).get("field").asText()).isEqualTo("code");
        assertThat(problem(f.post(ACME, path, "{\"data\":{}}"), 400).get("field").asText()).isEqualTo("code");
        assertThat(problem(f.post(ACME, path, "{\"code\":\"sale\",\"data\":{\"callback_at\":\"tomorrow\"}}"), 400)
                .get("field").asText()).isEqualTo("data");
        assertThat(problem(f.post(ACME, path, "{\"code\":\"sale\",\"data\":{\"n\":\"" + "x".repeat(2001) + "\"}}"),
                400).get("field").asText()).isEqualTo("data");
        assertThat(problem(f.post(ACME, path, "{\"code\":\"sale\",\"mood\":\"happy\"}"), 400).get("field").asText())
                .isEqualTo("mood");
        assertThat(problem(f.post(ACME, "/attempts/zero/disposition", "{\"code\":\"sale\"}"), 400).get("field")
                .asText()).isEqualTo("attempt_id");
        problem(f.send(ACME, "POST", path, "text/plain", "sale", java.util.Map.of()), 415);
        problem(f.get(ACME, path), 405);
        assertThat(f.get(ACME, "/batches/" + batch + "/dispositions").json().get("counts")).isEmpty();
    }

    @Test
    void unknownAndOtherAccountsAttemptsAndBatchesAre404() {
        long batch = sentBatch(ACME);
        long attempt = lastAttempt(batch, firstEnded(batch)).get("id").asLong();
        JsonNode theirs = problem(f.post(GLOBEX, "/attempts/" + attempt + "/disposition", "{\"code\":\"sale\"}"), 404);
        JsonNode none = problem(f.post(GLOBEX, "/attempts/" + (attempt + 1000) + "/disposition",
                "{\"code\":\"sale\"}"), 404);
        assertThat(theirs.get("detail").asText().replace("" + attempt, "N"))
                .isEqualTo(none.get("detail").asText().replace("" + (attempt + 1000), "N"));
        problem(f.get(GLOBEX, "/batches/" + batch + "/dispositions"), 404);
        assertThat(lastAttempt(batch, firstEnded(batch)).get("disposition").isNull()).isTrue();
    }

    @Test
    void aCallBackQueuesTheRecipientAtTheInstant() {
        long batch = sentBatch(ACME);
        long recipient = firstEnded(batch);
        f.post(ACME, "/batches/" + batch + "/pause", null);
        String at = f.clock.instant().plus(Duration.ofHours(2)).toString();
        String path = "/batches/" + batch + "/recipients/" + recipient + "/callback";
        Res r = f.post(ACME, path, "{\"at\":\"" + at + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("callback_at").asText()).isEqualTo(at);
        assertThat(r.json().get("recipient_id").asLong()).isEqualTo(recipient);
        var stored = f.storage.recipients().find(RecipientId.of(recipient)).orElseThrow();
        assertThat(stored.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(stored.notBefore()).isEqualTo(java.time.Instant.parse(at));
    }

    @Test
    void badCallBacksAnswerTheirErrors() {
        long batch = sentBatch(ACME);
        long recipient = firstEnded(batch);
        String path = "/batches/" + batch + "/recipients/" + recipient + "/callback";
        assertThat(problem(f.post(ACME, path, "{}"), 400).get("field").asText()).isEqualTo("at");
        assertThat(problem(f.post(ACME, path, "{\"at\":\"2026-03-02T18:00:00\"}"), 400).get("field").asText())
                .isEqualTo("at");
        assertThat(problem(f.post(ACME, path, "{\"at\":\"soon\"}"), 400).get("value").asText()).isEqualTo("soon");
        problem(f.post(ACME, "/batches/" + batch + "/recipients/" + (recipient + 1000) + "/callback",
                "{\"at\":\"2026-03-02T18:00:00Z\"}"), 404);
        problem(f.post(GLOBEX, path, "{\"at\":\"2026-03-02T18:00:00Z\"}"), 404);
        long draft = f.draftWithRecipients(ACME, "Draft");
        long never = f.get(ACME, "/batches/" + draft + "/recipients").json().get("items").get(0).get("id").asLong();
        assertThat(problem(f.post(ACME, "/batches/" + draft + "/recipients/" + never + "/callback",
                "{\"at\":\"2026-03-02T18:00:00Z\"}"), 409).get("detail").asText()).contains("draft");
        f.post(ACME, "/batches/" + batch + "/cancel", null);
        assertThat(f.calls.batch(BatchId.of(batch)).batch().status().isFinished()).isTrue();
        assertThat(problem(f.post(ACME, path, "{\"at\":\"2026-03-02T18:00:00Z\"}"), 409).get("detail").asText())
                .contains("cancelled");
    }
}
