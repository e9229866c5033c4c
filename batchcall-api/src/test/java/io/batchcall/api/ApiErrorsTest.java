package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every error class answers problem+json with the documented status, and nothing stored changes. */
class ApiErrorsTest {
    private final ApiFixture f = new ApiFixture(b -> b.maxJsonBytes(2048).maxCsvBytes(4096));

    @AfterEach
    void close() {
        f.close();
    }

    private JsonNode problem(Res r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).startsWith("https://batchcall.io/problems/");
        assertThat(p.get("detail").asText()).isNotBlank();
        return p;
    }

    private long batches() {
        return f.get(ACME, "/batches?limit=1000").json().get("items").size();
    }

    @Test
    void validationNamesFieldRuleAndValue() {
        JsonNode p = problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"batch_limit\":25}"), 400);
        assertThat(p.get("field").asText()).isEqualTo("batch_limit");
        assertThat(p.get("rule").asText()).isEqualTo("between 1 and 20");
        assertThat(p.get("value").asInt()).isEqualTo(25);
        assertThat(p.get("detail").asText()).isEqualTo("batch_limit must be between 1 and 20, but was '25'");
        assertThat(problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"caller_id\":\"0415\",\"timezone\":\"UTC\"}"),
                400).get("field").asText()).isEqualTo("caller_id");
        assertThat(problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"Mars/Base\"}"), 400).get("value").asText()).isEqualTo("Mars/Base");
        assertThat(problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"window_days\":[\"funday\"],\"window_start_time\":\"09:00\","
                + "\"window_end_time\":\"17:00\"}"), 400).get("field").asText()).isEqualTo("window_days");
        assertThat(problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"send_now\":true}"), 400).get("field").asText()).isEqualTo("recipients");
        assertThat(problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"send_now\":true,\"draft\":true,\"recipients\":[{\"phone\":\"+14155550101\"}]}"),
                400).get("field").asText()).isEqualTo("send_now");
        assertThat(batches()).isZero();
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAreRefused() {
        assertThat(problem(f.post(ACME, "/batches", "{\"name\":"), 400).get("type").asText()).endsWith("malformed-json");
        JsonNode unknown = problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"colour\":\"red\"}"), 400);
        assertThat(unknown.get("field").asText()).isEqualTo("colour");
        JsonNode wrong = problem(f.post(ACME, "/batches", "{\"name\":\"x\",\"batch_limit\":\"many\"}"), 400);
        assertThat(wrong.get("field").asText()).isEqualTo("batch_limit");
        problem(f.post(ACME, "/batches", "[1,2]"), 400);
        problem(f.post(ACME, "/batches", "{} {}"), 400);
        assertThat(batches()).isZero();
    }

    @Test
    void aBodyCutOffHalfWayStoresNothing() {
        long id = f.post(ACME, "/batches", ApiFixture.draftJson("Cut")).json().get("id").asLong();
        byte[] csv = ApiFixture.CSV.getBytes(StandardCharsets.UTF_8);
        ApiResponse r = f.api.handle(new ApiRequest(ApiFixture.ACME, "POST", "/batches/" + id + "/recipients",
                Map.of(), Map.of("Content-Type", List.of("text/csv"), "Content-Length", List.of("" + (csv.length + 50))),
                new ByteArrayInputStream(csv)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyAsString()).contains("incomplete-body");
        byte[] json = "{\"name\":\"half\",\"caller_id\":\"+1415".getBytes(StandardCharsets.UTF_8);
        ApiResponse j = f.api.handle(new ApiRequest(ApiFixture.ACME, "POST", "/batches", Map.of(),
                Map.of("Content-Type", List.of("application/json"), "Content-Length", List.of("200")),
                new ByteArrayInputStream(json)));
        assertThat(j.status()).isEqualTo(400);
        assertThat(f.get(ACME, "/batches/" + id).json().get("counts").get("total").asLong()).isZero();
        assertThat(batches()).isEqualTo(1);
    }

    @Test
    void aCsvThatIsNotCsvStoresNothing() {
        long id = f.post(ACME, "/batches", ApiFixture.draftJson("Bad csv")).json().get("id").asLong();
        JsonNode noPhone = problem(f.upload(ACME, id, "colour,size\nred,big\n"), 400);
        assertThat(noPhone.get("detail").asText()).contains("nothing was stored");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe, 10};
        ApiResponse binary = f.api.handle(new ApiRequest(ApiFixture.ACME, "POST", "/batches/" + id + "/recipients",
                Map.of(), Map.of("Content-Type", List.of("text/csv")), new ByteArrayInputStream(png)));
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.bodyAsString()).contains("csv-rejected");
        assertThat(f.get(ACME, "/batches/" + id).json().get("counts").get("total").asLong()).isZero();
    }

    @Test
    void tooLargeWrongTypeAndNegotiation() {
        long id = f.post(ACME, "/batches", ApiFixture.draftJson("Big")).json().get("id").asLong();
        problem(f.upload(ACME, id, "phone\n" + "+14155550101\n".repeat(400)), 413);
        assertThat(f.get(ACME, "/batches/" + id).json().get("counts").get("total").asLong()).isZero();
        problem(f.post(ACME, "/batches", "{\"name\":\"" + "x".repeat(3000) + "\"}"), 413);
        JsonNode media = problem(f.send(ACME, "POST", "/batches", "text/plain", "{}", Map.of()), 415);
        assertThat(media.get("field").asText()).isEqualTo("Content-Type");
        problem(f.send(ACME, "POST", "/batches/" + id + "/recipients", "application/json", "{}", Map.of()), 415);
        problem(f.send(ACME, "GET", "/batches", null, null, Map.of("Accept", "text/html")), 406);
        assertThat(f.send(ACME, "GET", "/batches", null, null, Map.of("Accept", "text/html, */*;q=0.1")).status())
                .isEqualTo(200);
        Res notAllowed = f.send(ACME, "PATCH", "/batches/" + id, "application/json", "{}", Map.of());
        problem(notAllowed, 405);
        assertThat(notAllowed.headers().get("Allow")).isEqualTo("GET, PUT, DELETE");
        problem(f.get(ACME, "/nowhere"), 404);
        problem(f.get(ACME, "/batches/999999"), 404);
        problem(f.get(ACME, "/batches/abc"), 400);
        assertThat(batches()).isEqualTo(1);
    }

    @Test
    void illegalStateIs409AndChangesNothing() {
        long id = f.draftWithRecipients(ACME, "States");
        JsonNode p = problem(f.post(ACME, "/batches/" + id + "/resume", null), 409);
        assertThat(p.get("detail").asText()).contains("draft");
        problem(f.post(ACME, "/batches/" + id + "/rerun", null), 409);
        long empty = f.post(ACME, "/batches", ApiFixture.draftJson("Empty")).json().get("id").asLong();
        problem(f.post(ACME, "/batches/" + empty + "/send", null), 409);
        assertThat(f.get(ACME, "/batches/" + id).json().get("status").asText()).isEqualTo("draft");
        assertThat(f.get(ACME, "/batches/" + empty).json().get("status").asText()).isEqualTo("draft");
        f.post(ACME, "/batches/" + id + "/send", null);
        problem(f.upload(ACME, id, ApiFixture.CSV), 409);
        problem(f.send(ACME, "DELETE", "/batches/" + id, null, null, Map.of()), 409);
        problem(f.get(ACME, "/batches/" + id + "/recipients?status=lost"), 400);
        problem(f.get(ACME, "/batches/" + id + "/recipients?limit=0"), 400);
        problem(f.send(ACME, "GET", "/events", null, null, Map.of("Last-Event-ID", "yesterday")), 400);
    }
}
