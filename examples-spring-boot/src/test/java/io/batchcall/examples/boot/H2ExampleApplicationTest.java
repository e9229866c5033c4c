package io.batchcall.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.BatchCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** The example application on H2, over HTTP: a campaign, its metrics and health, and a clean shutdown. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:example-h2-test;DB_CLOSE_DELAY=-1")
@Import(SlowCarrier.Config.class)
class H2ExampleApplicationTest {
    @Autowired
    ConfigurableApplicationContext ctx;
    @Autowired
    CampaignService campaigns;
    @Autowired
    BatchCalls calls;
    @Autowired
    MeterRegistry registry;
    @LocalServerPort
    int port;

    @Test
    @DirtiesContext // the engine is stopped by the test
    void runsACampaignShowsItsMetricsAndShutsDownCleanly() throws Exception {
        CampaignScenario.runsToCompletion(campaigns, calls, registry);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> dials = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/metrics/batchcall.dials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dials.statusCode()).isEqualTo(200);
        assertThat(dials.body()).contains("\"name\":\"batchcall.dials\"").contains("\"account\"");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"batchCalls\"").contains("\"status\":\"UP\"");

        JdbcDataSource sameDatabase = new JdbcDataSource();
        sameDatabase.setURL("jdbc:h2:mem:example-h2-test;DB_CLOSE_DELAY=-1");
        sameDatabase.setUser("sa");
        CampaignScenario.shutsDownWithoutLosingAnInFlightCall(ctx, sameDatabase);
    }
}
