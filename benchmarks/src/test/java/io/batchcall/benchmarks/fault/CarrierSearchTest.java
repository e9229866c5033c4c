package io.batchcall.benchmarks.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fake carrier's call search filters and pages as Twilio's {@code GET Calls.json} does. */
class CarrierSearchTest {
    private static CarrierCall call(String sid, String to, String created, String started) {
        CarrierCall c = new CarrierCall(sid, to, "+14155551001", null, -1, 0, Instant.parse(created));
        c.started = started == null ? null : Instant.parse(started);
        c.status = started == null ? "queued" : "ringing";
        return c;
    }

    private final List<CarrierCall> calls = List.of(
            call("CA1", "+12125550001", "2026-03-02T09:59:58Z", "2026-03-02T09:59:59Z"),
            call("CA2", "+12125550001", "2026-03-02T10:00:01Z", "2026-03-02T10:00:02Z"),
            call("CA3", "+12125550001", "2026-03-02T10:00:05Z", null),
            call("CA4", "+12125550002", "2026-03-01T23:00:00Z", "2026-03-01T23:00:01Z"));

    private static String search(List<CarrierCall> calls, Map<String, List<String>> q) {
        return CarrierSearch.page(calls, q, EngineNode.ACCOUNT_SID);
    }

    @Test
    void filtersByNumberAndStartTimeAndListsNewestFirst() {
        String page = search(calls, Map.of("To", List.of("+12125550001"), "StartTime>=", List.of("2026-03-02")));
        assertThat(page).contains("CA1", "CA2").doesNotContain("CA3", "CA4");
        assertThat(page.indexOf("CA2")).isLessThan(page.indexOf("CA1"));
        assertThat(search(calls, Map.of("StartTime>=", List.of("2026-03-02T10:00:00Z")))).contains("CA2")
                .doesNotContain("CA1", "CA3", "CA4");
        assertThat(search(calls, Map.of("StartTime<=", List.of("2026-03-01")))).contains("CA4")
                .doesNotContain("CA1", "CA2");
        assertThat(search(calls, Map.of("Status", List.of("queued")))).contains("CA3").doesNotContain("CA1");
    }

    @Test
    void pagesCarryTheNextPageUri() {
        String first = search(calls, Map.of("PageSize", List.of("2")));
        assertThat(first).contains("CA3", "CA2").doesNotContain("CA1").contains("\"next_page_uri\":\"");
        String last = search(calls, Map.of("PageSize", List.of("2"), "Page", List.of("1")));
        assertThat(last).contains("CA1", "CA4").contains("\"next_page_uri\":null");
    }

    @Test
    void aFaultFiresAtMostItsBudget() {
        Fault always = new Fault("x", "1/3");
        Random random = new Random(1);
        int fired = 0;
        for (int i = 0; i < 10; i++) {
            fired += always.fire(random) ? 1 : 0;
        }
        assertThat(fired).isEqualTo(3);
        assertThat(new Fault("off", "0").fire(random)).isFalse();
    }
}
