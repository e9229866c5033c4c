package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks over HTTP: register, list, remove, dead letters and their redelivery; isolation by account. */
class WebhookRoutesTest {
    private static final String SECRET = "s3cret-s3cret-s3cret";
    /** Nothing listens on port 1: every delivery is refused at once. */
    private static final String DEAD_URL = "http://127.0.0.1:1/hook";

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

    private long register(io.batchcall.model.AccountId account, String url) {
        Res r = f.post(account, "/webhooks", "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Sends a batch of ACME, then runs delivery passes until the webhook has dead letters. */
    private JsonNode deadLetters(long webhook) {
        long batch = f.draftWithRecipients(ACME, "Events");
        assertThat(f.post(ACME, "/batches/" + batch + "/send", null).status()).isEqualTo(200);
        for (int i = 0; i < 200; i++) {
            f.calls.runDeliveryOnce();
            JsonNode items = f.get(ACME, "/webhooks/" + webhook + "/dead-letters").json().get("items");
            if (items.size() > 0) {
                return items;
            }
            f.clock.advance(Duration.ofMinutes(30));
        }
        throw new AssertionError("no dead letter for webhook " + webhook);
    }

    @Test
    void registerListAndRemoveNeverShowingTheSecret() {
        Res created = f.post(ACME, "/webhooks", "{\"url\":\"https://hooks.example.com/batchcall\",\"secret\":\""
                + SECRET + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode w = created.json();
        assertThat(w.get("url").asText()).isEqualTo("https://hooks.example.com/batchcall");
        assertThat(w.get("consumer").asText()).isEqualTo("webhook-" + w.get("id").asLong());
        assertThat(w.get("created_at").asText()).isEqualTo(f.clock.instant().toString());
        assertThat(w.has("secret")).isFalse();
        assertThat(created.body()).doesNotContain(SECRET);

        Res list = f.get(ACME, "/webhooks");
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0)).isEqualTo(w);
        assertThat(list.body()).doesNotContain(SECRET);

        assertThat(f.send(ACME, "DELETE", "/webhooks/" + w.get("id").asLong(), null, null, Map.of()).status())
                .isEqualTo(204);
        assertThat(f.get(ACME, "/webhooks").json().get("items")).isEmpty();
        problem(f.send(ACME, "DELETE", "/webhooks/" + w.get("id").asLong(), null, null, Map.of()), 404);
    }

    @Test
    void badRegistrationsAnswer400NamingTheFieldWithoutEchoingTheSecret() {
        record Case(String json, String field) {
        }
        for (Case c : List.of(
                new Case("{\"secret\":\"" + SECRET + "\"}", "url"),
                new Case("{\"url\":\"https://hooks.example.com/x\"}", "secret"),
                new Case("{\"url\":\"ftp://hooks.example.com/x\",\"secret\":\"" + SECRET + "\"}", "url"),
                new Case("{\"url\":\"http://hooks.example.com/x\",\"secret\":\"" + SECRET + "\"}", "url"),
                new Case("{\"url\":\"/relative\",\"secret\":\"" + SECRET + "\"}", "url"),
                new Case("{\"url\":\"https://hooks.example.com/x\",\"secret\":\"short-secret\"}", "secret"),
                new Case("{\"url\":\"https://hooks.example.com/x\",\"secret\":\"" + SECRET + "\",\"events\":[]}",
                        "events"))) {
            Res r = f.post(ACME, "/webhooks", c.json());
            assertThat(problem(r, 400).get("field").asText()).as(c.json()).isEqualTo(c.field());
            assertThat(r.body()).doesNotContain(SECRET).doesNotContain("short-secret");
        }
        problem(f.send(ACME, "POST", "/webhooks", "text/plain", "x", Map.of()), 415);
        problem(f.send(ACME, "DELETE", "/webhooks/abc", null, null, Map.of()), 400);
        problem(f.send(ACME, "PUT", "/webhooks/1", "application/json", "{}", Map.of()), 405);
        assertThat(f.get(ACME, "/webhooks").json().get("items")).isEmpty();
    }

    @Test
    void deadLettersAreListedAndRedeliveredOneOrAll() {
        long hook = register(ACME, DEAD_URL);
        JsonNode letters = deadLetters(hook);
        JsonNode first = letters.get(0);
        assertThat(first.get("consumer").asText()).isEqualTo("webhook-" + hook);
        assertThat(first.get("event").get("batch_id").asLong()).isPositive();
        assertThat(first.get("attempts").asInt()).isPositive();
        assertThat(first.get("last_error").asText()).isNotBlank();
        assertThat(first.get("redelivery_requested").asBoolean()).isFalse();
        assertThat(f.get(ACME, "/webhooks/dead-letters").json().get("items").get(0)).isEqualTo(first);

        Res one = f.post(ACME, "/webhooks/" + hook + "/dead-letters/" + first.get("id").asLong() + "/redeliver", null);
        assertThat(one.status()).as(one.body()).isEqualTo(202);
        assertThat(one.json().get("queued").asInt()).isEqualTo(1);
        assertThat(f.get(ACME, "/webhooks/" + hook + "/dead-letters").json().get("items").get(0)
                .get("redelivery_requested").asBoolean()).isTrue();

        Res all = f.post(ACME, "/webhooks/" + hook + "/dead-letters/redeliver", null);
        assertThat(all.status()).as(all.body()).isEqualTo(202);
        assertThat(all.json().get("queued").asInt()).isPositive();

        problem(f.post(ACME, "/webhooks/" + hook + "/dead-letters/999999/redeliver", null), 404);
        problem(f.post(ACME, "/webhooks/" + hook + "/dead-letters/0/redeliver", null), 400);
        problem(f.get(ACME, "/webhooks/" + hook + "/dead-letters?limit=0"), 400);
        problem(f.get(ACME, "/webhooks/dead-letters?limit=5000"), 400);
        assertThat(f.get(ACME, "/webhooks/" + hook + "/dead-letters?limit=1").json().get("next_cursor").asText())
                .isEqualTo(first.get("id").asText());
    }

    @Test
    void anotherAccountsWebhookIsIndistinguishableFromAnUnknownOne() {
        long hook = register(ACME, DEAD_URL);
        long letter = deadLetters(hook).get(0).get("id").asLong();
        long unknown = hook + 1000;
        for (String[] route : List.of(new String[] {"DELETE", "/webhooks/%d"},
                new String[] {"GET", "/webhooks/%d/dead-letters"},
                new String[] {"POST", "/webhooks/%d/dead-letters/redeliver"},
                new String[] {"POST", "/webhooks/%d/dead-letters/" + letter + "/redeliver"})) {
            JsonNode theirs = problem(f.send(GLOBEX, route[0], route[1].formatted(hook), null, null, Map.of()), 404);
            JsonNode none = problem(f.send(GLOBEX, route[0], route[1].formatted(unknown), null, null, Map.of()), 404);
            assertThat(theirs.get("detail").asText().replace("webhook " + hook, "webhook N"))
                    .as(route[0] + " " + route[1])
                    .isEqualTo(none.get("detail").asText().replace("webhook " + unknown, "webhook N"));
        }
        assertThat(f.get(GLOBEX, "/webhooks").json().get("items")).isEmpty();
        assertThat(f.get(GLOBEX, "/webhooks/dead-letters").json().get("items")).isEmpty();
        assertThat(f.get(ACME, "/webhooks").json().get("items")).hasSize(1);
        assertThat(f.get(ACME, "/webhooks/" + hook + "/dead-letters").json().get("items").get(0)
                .get("redelivery_requested").asBoolean()).isFalse();
    }
}
