package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTemplateTest {
    @Test
    void templateIsABomHeaderAndOneExampleRowWithCrlf() {
        assertThat(RecipientCsvImporter.csvTemplate()).isEqualTo("\uFEFFphone,name,timezone,company\r\n"
                + "=\"+14155552671\",Ada Lovelace,America/Los_Angeles,Analytical Engines\r\n");
    }

    @Test
    void templateImportsAsItsExample() {
        for (char delimiter : new char[] {',', ';', '\t'}) {
            Imports i = Imports.ofText(RecipientCsvImporter.csvTemplate(delimiter), ImportOptions.ofDefaults());

            assertThat(i.report.rowsRead()).isEqualTo(1);
            assertThat(i.report.columns().delimiter()).isEqualTo(delimiter);
            assertThat(i.numbers()).containsExactly("+14155552671");
            assertThat(i.names()).containsExactly("Ada Lovelace");
            assertThat(i.session.added.get(0).zoneKey()).isEqualTo("America/Los_Angeles");
            assertThat(i.session.added.get(0).variables()).containsExactly(Map.entry("company", "Analytical Engines"));
        }
    }

    @Test
    void onlySupportedDelimiters() {
        assertThatThrownBy(() -> RecipientCsvImporter.csvTemplate('|'))
                .hasMessage("delimiter must be ',', ';' or a tab, but was '|'");
    }
}
