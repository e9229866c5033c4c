package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import io.batchcall.model.BatchId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** window_blackout_dates: stored in the spec's call window, shown ascending, replaced, refused by name. */
class BatchBlackoutDatesTest {
    private static final String BASE = "\"name\":\"Holidays\",\"caller_id\":\"+14155552000\","
            + "\"timezone\":\"America/New_York\",\"draft\":true";

    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Res create(String extra) {
        return f.post(ACME, "/batches", "{" + BASE + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    private static List<String> dates(JsonNode batch) {
        return java.util.stream.StreamSupport.stream(batch.get("window_blackout_dates").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    @Test
    void createStoresTheDatesInTheWindowAndShowsThemAscending() {
        Res r = create("\"window_start_time\":\"09:00\",\"window_end_time\":\"17:00\","
                + "\"window_blackout_dates\":[\"2026-12-25\",\" 2026-11-26 \",\"2026-12-25\"]");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(dates(r.json())).containsExactly("2026-11-26", "2026-12-25");
        long id = r.json().get("id").asLong();
        assertThat(f.calls.batch(BatchId.of(id)).batch().spec().window().blackouts())
                .containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
        assertThat(dates(f.get(ACME, "/batches/" + id).json())).containsExactly("2026-11-26", "2026-12-25");
    }

    @Test
    void anAllDayWindowTakesDatesTooAndAbsentMeansNone() {
        Res allDay = create("\"window_blackout_dates\":[\"2027-01-01\"]");
        assertThat(allDay.status()).as(allDay.body()).isEqualTo(201);
        assertThat(dates(allDay.json())).containsExactly("2027-01-01");
        assertThat(f.calls.batch(BatchId.of(allDay.json().get("id").asLong())).batch().spec().window().isAllDay())
                .isTrue();
        Res none = create("");
        assertThat(dates(none.json())).isEmpty();
        Res empty = create("\"window_blackout_dates\":[]");
        assertThat(dates(empty.json())).isEmpty();
    }

    @Test
    void replaceAndTheActionsBodyTakeTheDates() {
        long id = create("\"window_blackout_dates\":[\"2026-12-25\"]").json().get("id").asLong();
        Res put = f.put(ACME, "/batches/" + id, "{\"name\":\"Holidays\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"window_blackout_dates\":[\"2026-12-31\"]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(dates(put.json())).containsExactly("2026-12-31");
        Res cleared = f.put(ACME, "/batches/" + id, "{\"name\":\"Holidays\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\"}");
        assertThat(dates(cleared.json())).isEmpty();
        Res action = f.post(ACME, "/actions", "{\"action\":\"create\"," + BASE
                + ",\"window_blackout_dates\":[\"2026-07-04\"]}");
        assertThat(action.status()).as(action.body()).isEqualTo(201);
        assertThat(dates(action.json())).containsExactly("2026-07-04");
    }

    @Test
    void badDatesAnswer400NamingTheFieldAndStoreNothing() {
        record Case(String json, String field, String value) {
        }
        String tooMany = "[" + "\"2026-01-01\",".repeat(1000) + "\"2026-01-02\"]";
        for (Case c : List.of(
                new Case("[\"2026-13-01\"]", "window_blackout_dates[0]", "2026-13-01"),
                new Case("[\"2026-12-24\",\"25/12/2026\"]", "window_blackout_dates[1]", "25/12/2026"),
                new Case("[\"2026-02-30\"]", "window_blackout_dates[0]", "2026-02-30"),
                new Case("[\"2026-12-25T00:00:00Z\"]", "window_blackout_dates[0]", "2026-12-25T00:00:00Z"),
                new Case("[null]", "window_blackout_dates[0]", null),
                new Case(tooMany, "window_blackout_dates", "1001 dates"))) {
            Res r = create("\"window_blackout_dates\":" + c.json());
            assertThat(r.status()).as(c.json()).isEqualTo(400);
            assertThat(r.headers().get("Content-Type")).isEqualTo("application/problem+json");
            JsonNode p = r.json();
            assertThat(p.get("field").asText()).as(c.json()).isEqualTo(c.field());
            assertThat(p.get("detail").asText()).as(c.json()).startsWith(c.field() + " must be ");
            if (c.value() != null) {
                assertThat(p.get("detail").asText()).contains("'" + c.value() + "'");
            }
        }
        Res notAList = create("\"window_blackout_dates\":\"2026-12-25\"");
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.json().get("field").asText()).isEqualTo("window_blackout_dates");
        assertThat(f.get(ACME, "/batches").json().get("items")).isEmpty();
    }
}
