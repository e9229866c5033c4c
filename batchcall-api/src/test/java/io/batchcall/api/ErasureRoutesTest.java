package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Erasing a number over HTTP: the counts erased, nothing of the number left in the account's views. */
class ErasureRoutesTest {
    private static final String ERASED = "+14155550101";

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

    private Res erase(io.batchcall.model.AccountId account, String phone) {
        return f.post(account, "/erasures", "{\"phone\":\"" + phone + "\"}");
    }

    private long sentAndFinished(io.batchcall.model.AccountId account) {
        long batch = f.draftWithRecipients(account, "Erase me");
        assertThat(f.post(account, "/batches/" + batch + "/send", null).status()).isEqualTo(200);
        f.driveUntilFinished(batch);
        return batch;
    }

    @Test
    void erasingANumberAnswersTheCountsAndLeavesNoTraceInTheViews() {
        long batch = sentAndFinished(ACME);
        assertThat(f.post(ACME, "/suppressions", "{\"phone\":\"" + ERASED + "\",\"reason\":\"erase me\"}").status())
                .isEqualTo(201);
        Res r = erase(ACME, ERASED);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode e = r.json();
        assertThat(e.get("recipients").asLong()).isEqualTo(1);
        assertThat(e.get("attempts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(e.get("events").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(e.get("suppression_kept").asBoolean()).isTrue();

        String recipients = f.get(ACME, "/batches/" + batch + "/recipients").body();
        assertThat(recipients).doesNotContain(ERASED).doesNotContain("Ann").contains("+14155550102");
        assertThat(f.get(ACME, "/batches/" + batch + "/results.csv").body()).doesNotContain(ERASED)
                .doesNotContain("Ann");
        assertThat(f.get(ACME, "/batches/" + batch).json().get("counts").get("total").asLong()).isEqualTo(2);
        // still suppressed (by a hash only): the caller who knows the number finds the entry, and a batch
        // sent afterwards does not dial it
        Res entry = f.get(ACME, "/suppressions/" + ERASED);
        assertThat(entry.status()).as(entry.body()).isEqualTo(200);
        assertThat(entry.json().get("phone").asText()).isEqualTo(ERASED);
        long later = sentAndFinished(ACME);
        int seen = 0;
        for (JsonNode rec : f.get(ACME, "/batches/" + later + "/recipients").json().get("items")) {
            if (rec.get("phone").asText().equals(ERASED)) {
                assertThat(rec.get("status").asText()).isEqualTo("skipped");
                assertThat(rec.get("reason").asText()).isEqualTo("do_not_call");
                seen++;
            }
        }
        assertThat(seen).isEqualTo(1);
    }

    @Test
    void aNumberTheAccountNeverHadErasesNothing() {
        JsonNode e = erase(ACME, "+14155550199").json();
        assertThat(e.get("recipients").asLong()).isZero();
        assertThat(e.get("attempts").asLong()).isZero();
        assertThat(e.get("events").asLong()).isZero();
        assertThat(e.get("suppression_kept").asBoolean()).isFalse();
    }

    @Test
    void anotherAccountCannotEraseTheAccountsNumbers() {
        long batch = sentAndFinished(ACME);
        JsonNode theirs = erase(GLOBEX, ERASED).json();
        assertThat(theirs.get("recipients").asLong()).isZero();
        assertThat(theirs.get("attempts").asLong()).isZero();
        assertThat(f.get(ACME, "/batches/" + batch + "/recipients").body()).contains(ERASED).contains("Ann");
    }

    @Test
    void badErasuresAnswer400NamingTheField() {
        record Case(String json, String field) {
        }
        for (Case c : List.of(new Case("{}", "phone"), new Case("{\"phone\":\"4155550101\"}", "phone"),
                new Case("{\"phone\":\"+14155550101\",\"everywhere\":true}", "everywhere"))) {
            JsonNode p = problem(f.post(ACME, "/erasures", c.json()), 400);
            assertThat(p.get("field").asText()).as(c.json()).isEqualTo(c.field());
            assertThat(p.get("detail").asText()).as(c.json()).contains(c.field());
        }
        problem(f.send(ACME, "POST", "/erasures", "text/plain", "+14155550101", Map.of()), 415);
        problem(f.get(ACME, "/erasures"), 405);
    }
}
