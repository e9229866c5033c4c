package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every resource of the API on an in-memory engine with a simulated carrier. */
class ApiResourcesTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createsADraftWithTheProductsFieldNames() {
        Res r = f.post(ACME, "/batches", "{\"name\":\"Reminders\",\"caller_id\":\"+14155552000\","
                + "\"agent_id\":\"bot-1\",\"window_start_time\":\"09:00\",\"window_end_time\":\"17:30\","
                + "\"window_days\":[\"mon\",\"wed\"],\"timezone\":\"Europe/Berlin\",\"batch_limit\":5,\"draft\":true}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode b = r.json();
        assertThat(b.get("status").asText()).isEqualTo("draft");
        assertThat(b.get("caller_id").asText()).isEqualTo("+14155552000");
        assertThat(b.get("agent_id").asText()).isEqualTo("bot-1");
        assertThat(b.get("window_start_time").asText()).isEqualTo("09:00");
        assertThat(b.get("window_end_time").asText()).isEqualTo("17:30");
        assertThat(b.get("window_days").toString()).isEqualTo("[\"mon\",\"wed\"]");
        assertThat(b.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(b.get("batch_limit").asInt()).isEqualTo(5);
        assertThat(b.get("counts").get("total").asLong()).isZero();
        assertThat(f.get(ACME, "/batches/" + b.get("id").asLong()).json()).isEqualTo(b);
    }

    @Test
    void uploadReportsEveryRowAndOffersTheRejectionsAsCsv() {
        long id = f.post(ACME, "/batches", ApiFixture.draftJson("Upload")).json().get("id").asLong();
        Res r = f.upload(ACME, id, ApiFixture.CSV);
        assertThat(r.status()).isEqualTo(200);
        JsonNode rep = r.json();
        assertThat(rep.get("rows_read").asLong()).isEqualTo(4);
        assertThat(rep.get("accepted").asLong()).isEqualTo(2);
        assertThat(rep.get("duplicates").asLong()).isEqualTo(1);
        assertThat(rep.get("rejected").asLong()).isEqualTo(1);
        assertThat(rep.get("rejections").get(0).get("line").asLong()).isEqualTo(4);
        Res csv = f.get(ACME, "/batches/" + id + "/rejections.csv");
        assertThat(csv.headers().get("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("line,column,value,reason\r\n4,");
        assertThat(f.get(ACME, "/batches/" + id).json().get("counts").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void historyFiltersByStatusAndPagesWithACursor() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(f.post(ACME, "/batches", ApiFixture.draftJson("B" + i)).json().get("id").asLong());
        }
        f.upload(ACME, ids.get(1), ApiFixture.CSV);
        f.post(ACME, "/batches/" + ids.get(1) + "/send", null);
        Res page1 = f.get(ACME, "/batches?limit=2&status=draft");
        assertThat(ids(page1.json())).containsExactly(ids.get(4), ids.get(3));
        String cursor = page1.json().get("next_cursor").asText();
        Res page2 = f.get(ACME, "/batches?limit=2&status=draft&cursor=" + cursor);
        assertThat(ids(page2.json())).containsExactly(ids.get(2), ids.get(0));
        Res page3 = f.get(ACME, "/batches?limit=2&status=draft&cursor=" + page2.json().get("next_cursor").asText());
        assertThat(ids(page3.json())).isEmpty();
        assertThat(page3.json().get("next_cursor").isNull()).isTrue();
        assertThat(ids(f.get(ACME, "/batches?status=running,paused").json())).containsExactly(ids.get(1));
    }

    @Test
    void updatesADraftButNotARunningBatch() {
        long id = f.draftWithRecipients(ACME, "Edit me");
        Res ok = f.put(ACME, "/batches/" + id, "{\"name\":\"Edited\",\"caller_id\":\"+14155552001\","
                + "\"timezone\":\"UTC\",\"batch_limit\":3}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("name").asText()).isEqualTo("Edited");
        assertThat(ok.json().get("batch_limit").asInt()).isEqualTo(3);
        assertThat(f.post(ACME, "/batches/" + id + "/send", null).json().get("status").asText()).isEqualTo("running");
        Res refused = f.put(ACME, "/batches/" + id, "{\"name\":\"Late\",\"caller_id\":\"+14155552001\","
                + "\"timezone\":\"UTC\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("running");
        assertThat(f.get(ACME, "/batches/" + id).json().get("name").asText()).isEqualTo("Edited");
    }

    @Test
    void runsALifecycleAndExportsResults() {
        long id = f.draftWithRecipients(ACME, "Lifecycle");
        assertThat(f.get(ACME, "/batches/" + id + "/estimate?talk_seconds=90").json().get("estimated_cost").asText())
                .isEqualTo("0.05"); // 2 x (0.005 + 2 min x 0.01)
        assertThat(f.post(ACME, "/batches/" + id + "/send", null).json().get("status").asText()).isEqualTo("running");
        assertThat(f.post(ACME, "/batches/" + id + "/pause", null).json().get("status").asText()).isEqualTo("paused");
        assertThat(f.post(ACME, "/batches/" + id + "/resume", null).json().get("status").asText())
                .isEqualTo("running");
        f.driveUntilFinished(id);
        JsonNode done = f.get(ACME, "/batches/" + id).json();
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("counts").get("pending").asLong()).isZero();

        Res recipients = f.get(ACME, "/batches/" + id + "/recipients?limit=1");
        assertThat(recipients.json().get("items")).hasSize(1);
        JsonNode first = recipients.json().get("items").get(0);
        Res next = f.get(ACME, "/batches/" + id + "/recipients?limit=1&cursor=" + recipients.json().get("next_cursor")
                .asText());
        assertThat(next.json().get("items").get(0).get("id").asLong()).isGreaterThan(first.get("id").asLong());
        String finalStatus = first.get("status").asText();
        assertThat(f.get(ACME, "/batches/" + id + "/recipients?status=" + finalStatus).json().get("items"))
                .allSatisfy(n -> assertThat(n.get("status").asText()).isEqualTo(finalStatus));
        Res attempts = f.get(ACME, "/batches/" + id + "/recipients/" + first.get("id").asLong() + "/attempts");
        assertThat(attempts.json().get("items")).isNotEmpty();
        assertThat(attempts.json().get("items").get(0).get("status").asText()).isEqualTo(finalStatus);

        Res csv = f.get(ACME, "/batches/" + id + "/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("recipient_id,phone,name,status,attempts,talk_seconds,cost,currency,reason,"
                + "answered_by,disposition,first_name,plan");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",+14155550101,Ann,");
        assertThat(lines[2]).contains(",\"'=HYPERLINK(\"\"x\"\")\"");

        assertThat(f.post(ACME, "/batches/" + id + "/rerun", "{\"scope\":\"all\"}").json().get("status").asText())
                .isEqualTo("running");
        assertThat(f.post(ACME, "/batches/" + id + "/cancel", null).json().get("status").asText())
                .isEqualTo("cancelled");
        assertThat(f.post(ACME, "/batches/" + id + "/rerun?scope=nobody", null).json().get("field").asText())
                .isEqualTo("scope");
    }

    @Test
    void deletesADraft() {
        long id = f.post(ACME, "/batches", ApiFixture.draftJson("Gone")).json().get("id").asLong();
        assertThat(f.send(ACME, "DELETE", "/batches/" + id, null, null, Map.of()).status()).isEqualTo(204);
        assertThat(f.get(ACME, "/batches/" + id).status()).isEqualTo(404);
    }

    @Test
    void createsAndSendsInOneRequestWithInlineRecipients() {
        Res r = f.post(ACME, "/batches", "{\"name\":\"Now\",\"caller_id\":\"+14155552000\",\"timezone\":\"UTC\","
                + "\"send_now\":true,\"recipients\":[{\"phone\":\"+14155550111\",\"name\":\"Dee\","
                + "\"variables\":{\"plan\":\"gold\"}}]}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("running");
        assertThat(r.json().get("counts").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void schedulesAndRecurs() {
        Res scheduled = f.post(ACME, "/batches", "{\"name\":\"Later\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"America/New_York\",\"scheduled_at\":\"2026-03-03T09:00\","
                + "\"recipients\":[{\"phone\":\"+14155550111\"}]}");
        assertThat(scheduled.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.json().get("scheduled_at").asText()).isEqualTo("2026-03-03T14:00:00Z");

        Res series = f.post(ACME, "/batches", "{\"name\":\"Daily\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"America/New_York\",\"recurrence_type\":\"daily\",\"recurrence_interval\":2,"
                + "\"recurrence_max_runs\":3,\"send_now\":true,\"recipients\":[{\"phone\":\"+14155550111\"}]}");
        assertThat(series.status()).isEqualTo(201);
        JsonNode s = series.json();
        assertThat(s.get("status").asText()).isEqualTo("recurring");
        assertThat(s.get("recurrence_type").asText()).isEqualTo("daily");
        assertThat(s.get("recurrence_interval").asInt()).isEqualTo(2);
        assertThat(s.get("recurrence_max_runs").asLong()).isEqualTo(3);
        long id = s.get("id").asLong();
        Res runs = f.get(ACME, "/batches/" + id + "/runs");
        assertThat(runs.json().get("items")).isNotEmpty();
        assertThat(runs.json().get("items").get(0).get("parent_id").asLong()).isEqualTo(id);
        assertThat(f.post(ACME, "/batches/" + id + "/pause-series", null).json().get("status").asText())
                .isEqualTo("paused");
        assertThat(f.post(ACME, "/batches/" + id + "/resume-series", null).json().get("status").asText())
                .isEqualTo("recurring");
        assertThat(f.post(ACME, "/batches/" + id + "/cancel-series", null).json().get("status").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void servesTheCsvTemplateAndTheOpenApiDocument() {
        Res t = f.get(ACME, "/csv-template");
        assertThat(t.headers().get("Content-Type")).startsWith("text/csv");
        assertThat(t.body().toLowerCase()).contains("phone");
        assertThat(f.get(ACME, "/openapi.json").json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void acceptsTheActionStyleBody() {
        Res created = f.post(ACME, "/actions", "{\"action\":\"create\",\"name\":\"Via action\","
                + "\"caller_id\":\"+14155552000\",\"timezone\":\"UTC\",\"draft\":true}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        f.upload(ACME, id, ApiFixture.CSV);
        assertThat(f.post(ACME, "/actions", "{\"action\":\"get\",\"batch_id\":" + id + "}").json().get("name")
                .asText()).isEqualTo("Via action");
        assertThat(f.post(ACME, "/actions", "{\"action\":\"update\",\"batch_id\":" + id + ",\"name\":\"Renamed\","
                + "\"caller_id\":\"+14155552000\",\"timezone\":\"UTC\"}").json().get("name").asText())
                .isEqualTo("Renamed");
        assertThat(ids(f.post(ACME, "/actions", "{\"action\":\"list\",\"status\":\"draft\",\"limit\":10}").json()))
                .containsExactly(id);
        assertThat(f.post(ACME, "/actions", "{\"action\":\"start\",\"batch_id\":\"" + id + "\"}").json()
                .get("status").asText()).isEqualTo("running");
        assertThat(f.post(ACME, "/actions", "{\"action\":\"cancel\",\"batch_id\":" + id + "}").json()
                .get("status").asText()).isEqualTo("cancelled");
        assertThat(f.post(ACME, "/actions", "{\"action\":\"list_runs\",\"batch_id\":" + id + "}").json()
                .get("items")).isEmpty();
        Res bad = f.post(ACME, "/actions", "{\"action\":\"explode\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("action");
        assertThat(f.post(ACME, "/actions", "{\"action\":\"get\",\"batch_id\":1,\"colour\":\"red\"}").json()
                .get("field").asText()).isEqualTo("colour");
    }

    static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }
}
