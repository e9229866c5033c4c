package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every CSV batchcall writes opens as text in a spreadsheet (OWASP CSV injection). */
class CsvCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1", "\r=1",
        "=HYPERLINK(\"http://evil.example\",\"fix me\")", "=\"+1\"&CHAR(65)", "+14155552671"})
    void formulaTriggersGetALeadingApostrophe(String cell) {
        assertThat(CsvCells.isFormulaLike(cell)).isTrue();
        assertThat(CsvCells.safe(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ada", "1+1", " =1", "'=1", "=\"+14155552671\"", "=\"(415) 555-2671\"", "日本"})
    void otherCellsAndTheInertTextForcedNumberAreKept(String cell) {
        assertThat(CsvCells.safe(cell)).isEqualTo(cell);
    }

    @Test
    void nullIsAnEmptyCell() {
        assertThat(CsvCells.safe(null)).isEmpty();
    }

    @Test
    void rejectionsCsvNeutralisesValuesAndAttackerChosenHeaders() throws Exception {
        String formula = "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"fix me\"\")\"";
        String csv = "phone," + formula + ",@cmd\n"
                + formula + ",x,y\n"
                + "+14155552671,\"" + "w".repeat(50) + "\",z\n"
                + "@SUM(1+1)*cmd|' /C calc'!A0,x,y\n";
        Imports i = Imports.ofText(csv, ImportOptions.custom().maxFieldLength(45).build());
        StringWriter out = new StringWriter();
        i.report.writeRejectionsCsv(out);

        assertThat(out.toString()).isEqualTo("line,column,value,reason\r\n"
                + "2,phone,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"fix me\"\")\",not a phone number\r\n"
                + "3,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"fix me\"\")\"," + "w".repeat(50) + ","
                + "\"value is 50 characters long, more than maxFieldLength 45\"\r\n"
                + "4,phone,'@SUM(1+1)*cmd|' /C calc'!A0,not a phone number\r\n");
        assertThat(out.toString().lines().skip(1)).allSatisfy(line -> assertThat(line).doesNotContain(",=", ",@",
                ",\"=", ",\"@"));
    }

    @Test
    void theTemplateIsWrittenThroughTheSameRule() {
        String template = RecipientCsvImporter.csvTemplate();

        assertThat(template.substring(1).split("\r\n|,")).allSatisfy(cell -> assertThat(CsvCells.safe(cell))
                .isEqualTo(cell));
        assertThat(template).contains("=\"+14155552671\""); // the inert keep-as-text form stays
    }
}
