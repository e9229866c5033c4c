package io.batchcall.inmemory.scenario;

import static io.batchcall.inmemory.scenario.Campaign.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.BatchCalls;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.csv.CsvImportException;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Recipient;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.RecipientQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportScenarioTest {
    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String EXPORT = "\uFEFFFirst Name;Last Name;Mobile Phone;Plan\r\n"
            + "Ada;Lovelace;(212) 201-0001;gold\r\n"
            + "Alan;Turing;+1 212 201 0002;\"silver; annual\"\r\n"
            + "Grace;Hopper;212-201-0001;gold\r\n"
            + "Bad;Row;12;none\r\n";

    @Test
    void aCsvUploadReachesTheCallRequestsWithItsVariables() {
        try (Campaign c = new Campaign()) {
            c.fund("10");
            Batch b = c.calls.createDraft(spec("import").build());
            ImportReport report = c.calls.importRecipients(b.id(), csv(EXPORT), ImportOptions.ofDefaults());
            assertThat(report.accepted()).isEqualTo(2);
            assertThat(report.duplicates()).isEqualTo(1);
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(report.rejections().get(0).line()).isEqualTo(5);
            List<Recipient> stored = c.calls.recipients(b.id(), RecipientQuery.first(10));
            assertThat(stored).extracting(Recipient::name).containsExactly("Ada Lovelace", "Alan Turing");
            assertThat(stored.get(1).variables()).containsEntry("Plan", "silver; annual");

            ImportReport again = c.calls.importRecipients(b.id(), csv(EXPORT), ImportOptions.ofDefaults());
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(3);
            assertThat(c.summary(b.id()).counts().total()).isEqualTo(2);

            c.calls.send(b.id());
            c.runUntil(() -> c.status(b.id()) == BatchStatus.COMPLETED, Duration.ofHours(1), Duration.ofSeconds(10));
            assertThat(c.carrier.placedCalls()).extracting(CallRequest::variables)
                    .anySatisfy(v -> assertThat(v).containsEntry("Plan", "gold"));
            assertThatThrownBy(() -> c.calls.importRecipients(b.id(), csv(EXPORT), ImportOptions.ofDefaults()))
                    .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("is completed");
        }
    }

    @Test
    void aRefusedFileStoresNothing() {
        try (Campaign c = new Campaign()) {
            Batch b = c.draft(spec("atomic").build(), 2);
            assertThatThrownBy(() -> c.calls.importRecipients(b.id(), csv("name,email\nAda,ada@example.com\n"),
                    ImportOptions.ofDefaults())).isInstanceOf(CsvImportException.class)
                    .hasMessageContaining("phone");
            byte[] latin1 = "name,phone\nJos\u00e9,+12122010003\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> c.calls.importRecipients(b.id(), new ByteArrayInputStream(latin1),
                    ImportOptions.ofDefaults())).isInstanceOf(CsvImportException.class)
                    .hasMessageContaining("line 2");
            assertThat(c.summary(b.id()).counts().total()).isEqualTo(2);
            assertThat(BatchCalls.csvTemplate()).contains("phone");
        }
    }
}
