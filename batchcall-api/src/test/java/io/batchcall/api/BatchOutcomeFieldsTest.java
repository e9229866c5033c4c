package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import io.batchcall.model.BatchId;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.DispositionCode;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** machine_policy, dispositions and the per-outcome retry rules: stored, shown, replaced, refused by name. */
class BatchOutcomeFieldsTest {
    private static final String BASE = "\"name\":\"Outcomes\",\"caller_id\":\"+14155552000\",\"timezone\":\"UTC\","
            + "\"draft\":true";
    static final String OUTCOMES = "\"machine_policy\":\"hang_up_and_retry\","
            + "\"dispositions\":[{\"code\":\"sale\",\"label\":\"Sale\"},{\"code\":\"dnc\",\"opt_out\":true},"
            + "{\"code\":\"call_back\"}],"
            + "\"retry_by_outcome\":{\"machine\":{\"delay_seconds\":3600,\"max_attempts\":3,"
            + "\"next_window_after_seconds\":72000},\"busy\":{\"delay_seconds\":60,\"backoff\":2.5,\"max_attempts\":4}},"
            + "\"retry_by_disposition\":{\"call_back\":{\"delay_seconds\":900,\"max_attempts\":2}}";

    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private JsonNode problem(Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().get("Content-Type")).isEqualTo("application/problem+json");
        return r.json();
    }

    private Res create(String extra) {
        return f.post(ACME, "/batches", "{" + BASE + "," + extra + "}");
    }

    @Test
    void createStoresTheFieldsInTheSpecAndShowsThem() {
        Res r = create(OUTCOMES);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode b = r.json();
        assertThat(b.get("machine_policy").asText()).isEqualTo("hang_up_and_retry");
        assertThat(b.get("dispositions")).hasSize(3);
        assertThat(b.get("dispositions").get(0).get("label").asText()).isEqualTo("Sale");
        assertThat(b.get("dispositions").get(1).get("opt_out").asBoolean()).isTrue();
        assertThat(b.get("retry_by_outcome").get("busy").get("backoff").asDouble()).isEqualTo(2.5);
        assertThat(b.get("retry_by_outcome").get("machine").get("next_window_after_seconds").asLong())
                .isEqualTo(72000);
        assertThat(b.get("retry_by_disposition").get("call_back").get("delay_seconds").asLong()).isEqualTo(900);

        BatchSpec spec = f.calls.batch(BatchId.of(b.get("id").asLong())).batch().spec();
        assertThat(spec.machinePolicy()).isEqualTo(MachinePolicy.HANG_UP_AND_RETRY);
        assertThat(spec.dispositions()).containsExactly(new DispositionCode("sale", "Sale", false),
                new DispositionCode("dnc", null, true), DispositionCode.of("call_back"));
        assertThat(spec.retry().byOutcome().get("machine")).isEqualTo(OutcomeRetry.after(Duration.ofHours(1), 3)
                .inNextWindowAfter(Duration.ofHours(20)));
        assertThat(spec.retry().byOutcome().get("busy")).isEqualTo(OutcomeRetry.after(Duration.ofMinutes(1), 4)
                .withBackoff(2.5));
        assertThat(spec.retry().byDisposition()).containsOnlyKeys("call_back");
        assertThat(f.get(ACME, "/batches/" + b.get("id").asLong()).json()).isEqualTo(b);
    }

    @Test
    void absentFieldsMeanNoDetectionNoCodesNoRules() {
        JsonNode b = create("\"batch_limit\":2").json();
        assertThat(b.get("machine_policy").isNull()).isTrue();
        assertThat(b.get("dispositions")).isEmpty();
        assertThat(b.get("retry_by_outcome")).isEmpty();
        assertThat(b.get("retry_by_disposition")).isEmpty();
    }

    @Test
    void replaceAndTheActionsBodyTakeTheFieldsToo() {
        long id = create("\"batch_limit\":2").json().get("id").asLong();
        Res put = f.put(ACME, "/batches/" + id, "{\"name\":\"Outcomes\",\"caller_id\":\"+14155552000\","
                + "\"timezone\":\"UTC\",\"machine_policy\":\"leave_message\",\"dispositions\":[{\"code\":\"sale\"}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("machine_policy").asText()).isEqualTo("leave_message");
        assertThat(put.json().get("dispositions").get(0).get("code").asText()).isEqualTo("sale");
        Res action = f.post(ACME, "/actions", "{\"action\":\"create\"," + BASE + ",\"machine_policy\":\"reached\"}");
        assertThat(action.status()).as(action.body()).isEqualTo(201);
        assertThat(action.json().get("machine_policy").asText()).isEqualTo("reached");
    }

    @Test
    void badValuesAnswer400NamingTheField() {
        record Case(String json, String field) {
        }
        for (Case c : List.of(
                new Case("\"machine_policy\":\"voicemail\"", "machine_policy"),
                new Case("\"dispositions\":[{\"code\":\"has space\"}]", "dispositions[0].code"),
                new Case("\"dispositions\":[{\"label\":\"no code\"}]", "dispositions[0].code"),
                new Case("\"dispositions\":[{\"code\":\"a\"},{\"code\":\"a\"}]", "dispositions[1].code"),
                new Case("\"dispositions\":[null]", "dispositions[0]"),
                new Case("\"dispositions\":[{\"code\":\"a\",\"label\":\"" + "x".repeat(201) + "\"}]",
                        "dispositions[0].label"),
                new Case("\"retry_by_outcome\":{\"voicemail\":{\"delay_seconds\":1,\"max_attempts\":2}}",
                        "retry_by_outcome"),
                new Case("\"retry_by_outcome\":{\"busy\":{\"delay_seconds\":-1,\"max_attempts\":2}}",
                        "retry_by_outcome.busy.delay_seconds"),
                new Case("\"retry_by_outcome\":{\"busy\":{\"max_attempts\":2}}", "retry_by_outcome.busy.delay_seconds"),
                new Case("\"retry_by_outcome\":{\"busy\":{\"delay_seconds\":1,\"max_attempts\":0}}",
                        "retry_by_outcome.busy.max_attempts"),
                new Case("\"retry_by_outcome\":{\"busy\":{\"delay_seconds\":1,\"max_attempts\":2,\"backoff\":0.5}}",
                        "retry_by_outcome.busy.backoff"),
                new Case("\"retry_by_outcome\":{\"busy\":{\"delay_seconds\":1,\"max_attempts\":2,"
                        + "\"next_window_after_seconds\":-5}}", "retry_by_outcome.busy.next_window_after_seconds"),
                new Case("\"retry_by_outcome\":{\"busy\":null}", "retry_by_outcome.busy"),
                new Case("\"retry_by_disposition\":{\"bad code\":{\"delay_seconds\":1,\"max_attempts\":2}}",
                        "retry_by_disposition"),
                new Case("\"retry_by_outcome\":{\"busy\":{\"delay_seconds\":1,\"max_attempts\":2,\"jitter\":1}}",
                        "jitter"))) {
            JsonNode p = problem(create(c.json()));
            assertThat(p.get("field").asText()).as(c.json()).isEqualTo(c.field());
            assertThat(p.get("detail").asText()).as(c.json()).contains(c.field().replaceAll("\\[.*", ""));
        }
        assertThat(f.get(ACME, "/batches").json().get("items")).isEmpty();
    }
}
