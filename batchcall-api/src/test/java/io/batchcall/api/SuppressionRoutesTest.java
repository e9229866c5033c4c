package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import io.batchcall.model.AccountId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The account's suppression list over HTTP: add, look up, remove, bulk load; errors by name; isolation. */
class SuppressionRoutesTest {
    private final ApiFixture f = new ApiFixture(b -> b.maxCsvBytes(4096));

    @AfterEach
    void close() {
        f.close();
    }

    private static JsonNode problem(Res r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/problem+json");
        return r.json();
    }

    private Res suppress(AccountId account, String phone, String reason) {
        return f.post(account, "/suppressions", "{\"phone\":\"" + phone + "\",\"reason\":\"" + reason + "\"}");
    }

    private Res load(AccountId account, String query, String contentType, String csv) {
        return f.send(account, "POST", "/suppressions/import" + query, contentType, csv, Map.of());
    }

    @Test
    void addLookUpAndRemoveANumber() {
        Res created = suppress(ACME, "+14155550101", "asked not to be called");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode entry = created.json();
        assertThat(entry.get("phone").asText()).isEqualTo("+14155550101");
        assertThat(entry.get("reason").asText()).isEqualTo("asked not to be called");
        assertThat(entry.get("source").asText()).isEqualTo("host");
        assertThat(entry.get("at").asText()).isEqualTo(f.clock.instant().toString());

        f.clock.advance(java.time.Duration.ofMinutes(5));
        Res again = suppress(ACME, "+14155550101", "second reason");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(entry);

        assertThat(f.get(ACME, "/suppressions/+14155550101").json()).isEqualTo(entry);
        assertThat(f.get(ACME, "/suppressions/%2B14155550101").json()).isEqualTo(entry);
        assertThat(problem(f.get(ACME, "/suppressions/+14155550199"), 404).get("detail").asText())
                .isEqualTo("+14155550199 is not on the account's suppression list");

        assertThat(f.send(ACME, "DELETE", "/suppressions/%2b14155550101", null, null, Map.of()).status())
                .isEqualTo(204);
        problem(f.get(ACME, "/suppressions/+14155550101"), 404);
        problem(f.send(ACME, "DELETE", "/suppressions/+14155550101", null, null, Map.of()), 404);
    }

    @Test
    void aListedNumberIsSkippedByEveryBatchOfTheAccount() {
        assertThat(suppress(ACME, "+14155550101", "dnc").status()).isEqualTo(201);
        long batch = f.draftWithRecipients(ACME, "Suppressed");
        assertThat(f.post(ACME, "/batches/" + batch + "/send", null).status()).isEqualTo(200);
        f.driveUntilFinished(batch);
        JsonNode items = f.get(ACME, "/batches/" + batch + "/recipients").json().get("items");
        for (JsonNode r : items) {
            if (r.get("phone").asText().equals("+14155550101")) {
                assertThat(r.get("status").asText()).isEqualTo("skipped");
                assertThat(r.get("reason").asText()).isEqualTo("do_not_call");
            } else {
                assertThat(r.get("status").asText()).isNotEqualTo("skipped");
            }
        }
    }

    @Test
    void badAddsAnswer400NamingTheField() {
        record Case(String json, String field) {
        }
        for (Case c : List.of(
                new Case("{\"reason\":\"dnc\"}", "phone"),
                new Case("{\"phone\":\"4155550101\",\"reason\":\"dnc\"}", "phone"),
                new Case("{\"phone\":\"+1\",\"reason\":\"dnc\"}", "phone"),
                new Case("{\"phone\":\"+14155550101\"}", "reason"),
                new Case("{\"phone\":\"+14155550101\",\"reason\":\"  \"}", "reason"),
                new Case("{\"phone\":\"+14155550101\",\"reason\":\"" + "x".repeat(201) + "\"}", "reason"),
                new Case("{\"phone\":\"+14155550101\",\"reason\":\"dnc\",\"source\":\"me\"}", "source"),
                new Case("{\"phone\":14155550101,\"reason\":\"dnc\"}", "phone"))) {
            JsonNode p = problem(f.post(ACME, "/suppressions", c.json()), 400);
            assertThat(p.get("field").asText()).as(c.json()).isEqualTo(c.field());
            assertThat(p.get("detail").asText()).as(c.json()).contains(c.field());
        }
        problem(f.send(ACME, "POST", "/suppressions", "text/plain", "+14155550101", Map.of()), 415);
        assertThat(problem(f.get(ACME, "/suppressions/4155550101"), 400).get("field").asText()).isEqualTo("phone");
        problem(f.send(ACME, "DELETE", "/suppressions/not-a-number", null, null, Map.of()), 400);
        problem(f.get(ACME, "/suppressions/+14155550101"), 404);
    }

    @Test
    void aCsvUploadIsLoadedWithAReportOfBadRowsByLine() {
        String csv = "first_name,phone\nAnn,+14155550101\nBob,(415) 555-0102\nCat,not-a-number\nDan,+14155550101\n"
                + "Eve,\n";
        Res r = load(ACME, "?default_region=US&reason=state-list", "text/csv", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("read").asLong()).isEqualTo(4);
        assertThat(report.get("added").asLong()).isEqualTo(2);
        assertThat(report.get("already_listed").asLong()).isEqualTo(1);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("rejections_truncated").asBoolean()).isFalse();
        assertThat(report.get("rejections")).hasSize(1);
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(report.get("rejections").get(0).get("reason").asText()).isNotBlank();

        JsonNode entry = f.get(ACME, "/suppressions/+14155550102").json();
        assertThat(entry.get("source").asText()).isEqualTo("import");
        assertThat(entry.get("reason").asText()).isEqualTo("state-list");

        JsonNode twice = load(ACME, "", "text/csv", csv).json();
        assertThat(twice.get("added").asLong()).isZero();
        assertThat(twice.get("already_listed").asLong()).isEqualTo(3);

        Res plain = load(ACME, "", "text/plain", "+14155550103\n+14155550104\n");
        assertThat(plain.json().get("added").asLong()).as(plain.body()).isEqualTo(2);
        assertThat(f.get(ACME, "/suppressions/+14155550104").json().get("reason").asText())
                .isEqualTo("imported do-not-call list");
    }

    @Test
    void badUploadsAnswerNamingTheProblem() {
        JsonNode media = problem(load(ACME, "", "application/json", "{}"), 415);
        assertThat(media.get("field").asText()).isEqualTo("Content-Type");
        assertThat(problem(load(ACME, "?default_region=Narnia", "text/csv", "+14155550101\n"), 400)
                .get("field").asText()).isEqualTo("default_region");
        assertThat(problem(load(ACME, "?reason=" + "x".repeat(201), "text/csv", "+14155550101\n"), 400)
                .get("field").asText()).isEqualTo("reason");
        assertThat(problem(load(ACME, "?reason=", "text/csv", "+14155550101\n"), 400)
                .get("field").asText()).isEqualTo("reason");
        JsonNode big = problem(load(ACME, "", "text/csv", "phone\n" + "+14155550101\n".repeat(400)), 413);
        assertThat(big.get("field").asText()).isEqualTo("body");
        assertThat(big.get("detail").asText()).contains("at most 4096 bytes").contains("stay listed");

        byte[] bad = {'+', '1', '4', '1', '5', '5', '5', '5', '0', '1', '0', '1', '\n', (byte) 0xC3, '\n'};
        ApiResponse invalid = f.api.handle(new ApiRequest(ACME, "POST", "/suppressions/import", Map.of(),
                Map.of("Content-Type", List.of("text/csv")), new java.io.ByteArrayInputStream(bad)));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.bodyAsString()).contains("csv-rejected").contains("\"field\":\"body\"");

        byte[] csv = "+14155550101\n".getBytes(StandardCharsets.UTF_8);
        ApiResponse cut = f.api.handle(new ApiRequest(ACME, "POST", "/suppressions/import", Map.of(),
                Map.of("Content-Type", List.of("text/csv"), "Content-Length", List.of("" + (csv.length + 50))),
                new java.io.ByteArrayInputStream(csv)));
        assertThat(cut.status()).isEqualTo(400);
        assertThat(cut.bodyAsString()).contains("incomplete-body");
    }

    @Test
    void anotherAccountsListIsNotVisible() {
        assertThat(suppress(ACME, "+14155550101", "acme's").status()).isEqualTo(201);
        assertThat(load(ACME, "", "text/csv", "+14155550102\n").json().get("added").asLong()).isEqualTo(1);
        for (String n : List.of("+14155550101", "+14155550102")) {
            JsonNode theirs = problem(f.get(GLOBEX, "/suppressions/" + n), 404);
            assertThat(theirs.get("detail").asText()).isEqualTo(n + " is not on the account's suppression list");
            problem(f.send(GLOBEX, "DELETE", "/suppressions/" + n, null, null, Map.of()), 404);
            assertThat(f.get(ACME, "/suppressions/" + n).status()).isEqualTo(200);
        }
        Res own = suppress(GLOBEX, "+14155550101", "globex's");
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().get("reason").asText()).isEqualTo("globex's");
        assertThat(load(GLOBEX, "", "text/csv", "+14155550102\n").json().get("added").asLong()).isEqualTo(1);
        assertThat(f.get(ACME, "/suppressions/+14155550101").json().get("reason").asText()).isEqualTo("acme's");
    }
}
