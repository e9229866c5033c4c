package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static io.batchcall.api.ApiFixture.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.api.ApiFixture.Res;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Another account's batch answers exactly like an unknown id, on every route, and never changes. */
class AccountIsolationTest {
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anotherAccountsBatchIsIndistinguishableFromAnUnknownOne() {
        long id = f.draftWithRecipients(ACME, "Acme only");
        long unknown = id + 1000;
        long recipient = f.get(ACME, "/batches/" + id + "/recipients").json().get("items").get(0).get("id").asLong();
        for (String[] route : List.of(
                new String[] {"GET", "/batches/%d"}, new String[] {"PUT", "/batches/%d"},
                new String[] {"DELETE", "/batches/%d"}, new String[] {"POST", "/batches/%d/send"},
                new String[] {"POST", "/batches/%d/cancel"}, new String[] {"POST", "/batches/%d/pause"},
                new String[] {"POST", "/batches/%d/resume"}, new String[] {"POST", "/batches/%d/rerun"},
                new String[] {"POST", "/batches/%d/pause-series"}, new String[] {"POST", "/batches/%d/resume-series"},
                new String[] {"POST", "/batches/%d/cancel-series"}, new String[] {"GET", "/batches/%d/runs"},
                new String[] {"GET", "/batches/%d/recipients"}, new String[] {"POST", "/batches/%d/recipients"},
                new String[] {"GET", "/batches/%d/recipients/" + recipient + "/attempts"},
                new String[] {"GET", "/batches/%d/rejections.csv"}, new String[] {"GET", "/batches/%d/results.csv"},
                new String[] {"GET", "/batches/%d/estimate"}, new String[] {"GET", "/batches/%d/events"},
                new String[] {"GET", "/batches/%d/dispositions"},
                new String[] {"POST", "/batches/%d/recipients/" + recipient + "/callback"})) {
            String body = route[0].equals("PUT") ? ApiFixture.draftJson("Stolen").replace(",\"draft\":true", "")
                    : route[1].endsWith("recipients") && route[0].equals("POST") ? ApiFixture.CSV : null;
            String type = body == null ? null : route[0].equals("PUT") ? "application/json" : "text/csv";
            Res theirs = f.send(GLOBEX, route[0], route[1].formatted(id), type, body, Map.of());
            Res none = f.send(GLOBEX, route[0], route[1].formatted(unknown), type, body, Map.of());
            assertThat(theirs.status()).as(route[0] + " " + route[1]).isEqualTo(404);
            assertThat(theirs.json().get("detail").asText().replace("batch " + id, "batch N"))
                    .as(route[0] + " " + route[1])
                    .isEqualTo(none.json().get("detail").asText().replace("batch " + unknown, "batch N"));
        }
        for (String action : List.of("get", "update", "start", "cancel", "pause", "resume", "rerun", "list_runs",
                "pause_series", "resume_series", "cancel_series")) {
            String extra = action.equals("update") ? ",\"name\":\"Stolen\",\"caller_id\":\"+14155552000\","
                    + "\"timezone\":\"UTC\"" : "";
            assertThat(f.post(GLOBEX, "/actions", "{\"action\":\"" + action + "\",\"batch_id\":" + id + extra + "}")
                    .status()).as(action).isEqualTo(404);
        }
        assertThat(f.get(GLOBEX, "/batches").json().get("items")).isEmpty();
        assertThat(f.post(GLOBEX, "/actions", "{\"action\":\"list\"}").json().get("items")).isEmpty();
        Res mine = f.get(ACME, "/batches/" + id);
        assertThat(mine.json().get("name").asText()).isEqualTo("Acme only");
        assertThat(mine.json().get("status").asText()).isEqualTo("draft");
        assertThat(mine.json().get("counts").get("total").asLong()).isEqualTo(2);
    }
}
