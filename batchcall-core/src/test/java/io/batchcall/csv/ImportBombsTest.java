package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's memory bombs, each imported in a separate JVM with a 64 MB heap: every one ends in
 * per-row rejections (or is read to its end), never in an {@code OutOfMemoryError}. Before the
 * importer bounded rows by bytes, each of these ran out of memory at {@code -Xmx64m}.
 */
class ImportBombsTest {
    /** Blocks of about 1.2 MB: 1,800 blocks are 2.1 GB of CSV. */
    private static final long GIGABYTE_BLOCKS = 1_800;

    @Test
    void tenRowsOf900000CommasAreReadCellByCellNotStored() throws Exception {
        List<String> out = run("commas");

        // rows 0, 2, 4... end in text beyond the header's two columns: rejected; the others are fine
        assertThat(out.get(0)).isEqualTo("OK commas 10 5 0 5 0");
        assertThat(out.get(1)).isEqualTo("REJECTION 2||the row has 900001 cells but the header has 2 columns; is a "
                + "delimiter inside a value that is not quoted?");
        assertThat(run("bare-commas").get(0)).isEqualTo("OK bare-commas 0 0 0 0 10");
    }

    @Test
    void rowsWithA900000CharacterCellAreRejectedOneByOne() throws Exception {
        for (String scenario : List.of("long-cell-80", "long-cell-100")) {
            List<String> out = run(scenario);
            int rows = scenario.endsWith("80") ? 80 : 100;

            assertThat(out.get(0)).isEqualTo("OK " + scenario + " " + rows + " 0 0 " + rows + " 0");
            assertThat(out.get(1)).isEqualTo("REJECTION 2|notes|value is 900000 characters long, more than "
                    + "maxFieldLength 1000");
        }
    }

    @Test
    void aMultiGigabyteStreamOfHostileRowsImportsInBoundedMemory() throws Exception {
        List<String> out = run("gigabytes", Long.toString(GIGABYTE_BLOCKS));

        long rows = 3 * GIGABYTE_BLOCKS;
        assertThat(out.get(0)).isEqualTo("OK gigabytes " + rows + " 1000 " + (GIGABYTE_BLOCKS - 1000) + " "
                + 2 * GIGABYTE_BLOCKS + " 0");
        assertThat(out).anyMatch(line -> line.startsWith("STATS "));
    }

    /** Runs {@link ImportBombs} in a JVM with a 64 MB heap; returns its output lines. */
    private static List<String> run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ImportBombs.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("ImportBombs " + String.join(" ", args) + ":\n" + text);
        assertThat(process.exitValue()).as(text).isZero();
        return text.lines().filter(l -> !l.startsWith("[")).toList();
    }
}
