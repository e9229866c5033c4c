package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.NewRecipient;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Validation threads and chunk sizes change nothing in the outcome: the same recipients in the
 * same order, the same counts, the same rejections and duplicates with the same lines.
 */
class PipelineDeterminismTest {
    @Test
    void sameOutcomeWhateverTheThreadsAndChunks() {
        String csv = mixedFile(3_000);
        Imports reference = Imports.ofText(csv, ImportOptions.custom().validationThreads(1).build(), "+12122000007");

        for (int[] setting : new int[][] {{1, 1}, {2, 7}, {3, 1_000}, {4, 64}}) {
            Imports other = Imports.ofText(csv, ImportOptions.custom().validationThreads(setting[0])
                    .chunkSize(setting[1]).build(), "+12122000007");

            assertThat(other.report.toString()).isEqualTo(reference.report.toString());
            assertThat(other.report.rejections()).isEqualTo(reference.report.rejections());
            assertThat(other.report.duplicateRows()).isEqualTo(reference.report.duplicateRows());
            assertThat(other.session.added).isEqualTo(reference.session.added);
        }
        assertThat(reference.report.accepted()).isGreaterThan(2_000);
        assertThat(reference.report.rejected()).isPositive();
        assertThat(reference.report.duplicates()).isPositive();
        assertThat(reference.session.added).extracting(NewRecipient::name).doesNotHaveDuplicates();
    }

    private static String mixedFile(int rows) {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("phone,name,note\r\n");
        for (int i = 0; i < rows; i++) {
            String phone;
            switch (random.nextInt(10)) {
                case 0:
                    phone = "12345";
                    break;
                case 1:
                    phone = "(212) 200-" + String.format("%04d", random.nextInt(i + 1)); // maybe a duplicate
                    break;
                case 2:
                    phone = "\"+44 7911 " + String.format("%06d", i) + "\"";
                    break;
                default:
                    phone = "+1212200" + String.format("%04d", i);
            }
            csv.append(phone).append(",Person ").append(i).append(",\"note,\"\"").append(i).append("\"\r\n");
            if (random.nextInt(50) == 0) {
                csv.append("\r\n");
            }
        }
        return csv.toString();
    }

    @Test
    void validationThreadsAreGoneAfterTheImport() throws Exception {
        Imports.ofText(mixedFile(500), ImportOptions.custom().validationThreads(3).chunkSize(10).build());
        Thread.sleep(50);
        List<String> alive = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("batchcall-csv-validate-")).toList();
        assertThat(alive).isEmpty();
    }
}
