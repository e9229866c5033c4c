package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The configurable limits and what each one produces. */
class ImportLimitsTest {
    @Test
    void moreRowsThanMaxRowsRefusesTheFileAtTheFirstRowTooMany() {
        ImportOptions options = ImportOptions.custom().maxRows(2).build();
        String csv = "phone\n+14155552671\n\n+12125550100\n+13105550199\n";

        assertThatThrownBy(() -> Imports.ofText(csv, options))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessage("line 5: the file has more than 2 rows (maxRows); split it or raise the limit");
        assertThat(Imports.ofText("phone\n+14155552671\n\n+12125550100\n", options).report.accepted()).isEqualTo(2);
    }

    @Test
    void moreVariableColumnsThanMaxVariablesRefusesTheFile() {
        ImportOptions options = ImportOptions.custom().maxVariables(2).build();

        assertThatThrownBy(() -> Imports.ofText("phone,name,timezone,a,b,c\n+14155552671,Ada,,1,2,3\n", options))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 1: the header has 3 variable columns (columns other than phone, name and "
                        + "timezone), more than maxVariables 2: [a, b, c]");
        assertThat(Imports.ofText("phone,name,timezone,a,b\n+14155552671,Ada,,1,2\n", options).report.accepted())
                .isEqualTo(1);
    }

    @Test
    void aCellLongerThanMaxFieldLengthRejectsItsRow() {
        ImportOptions options = ImportOptions.custom().maxFieldLength(12).build();
        Imports i = Imports.ofText("phone,name,notes\n+14155552671,Ada,0123456789ab\n"
                + "+12125550100,Bob,  0123456789abc  \n", options);

        assertThat(i.report.accepted()).isEqualTo(1); // surrounding spaces do not count
        assertThat(i.rejections()).containsExactly(
                "3|notes|value is 13 characters long, more than maxFieldLength 12");
    }

    @Test
    void rejectionsKeptInTheReportAreCappedButCountedExactly() throws Exception {
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < 5; i++) {
            csv.append("123,Bad ").append(i).append('\n').append("+1415555267").append(i).append(",Dup\n")
                    .append("+1415555267").append(i).append(",Dup\n");
        }
        Imports i = Imports.ofText(csv.toString(), ImportOptions.custom().maxRejectionsKept(2).build());

        assertThat(i.report.rejected()).isEqualTo(5);
        assertThat(i.report.duplicates()).isEqualTo(5);
        assertThat(i.report.rejections()).extracting(Rejection::line).containsExactly(2L, 5L);
        assertThat(i.report.duplicateRows()).extracting(Rejection::line).containsExactly(4L, 7L);
        assertThat(i.report.rejectionsTruncated()).isTrue();

        java.io.StringWriter out = new java.io.StringWriter();
        i.report.writeRejectionsCsv(out);
        assertThat(out.toString()).isEqualTo("line,column,value,reason\r\n"
                + "2,phone,123,not a valid number for region US\r\n"
                + "5,phone,123,not a valid number for region US\r\n"
                + "\"\",,,and 3 more rejected rows not listed (maxRejectionsKept 2)\r\n");
    }

    @Test
    void rejectionsCsvQuotesWhatNeedsQuoting() throws Exception {
        Imports i = Imports.ofText("phone,name\n\"1,5551E+10\",\"Ada, \"\"the first\"\"\"\n", Imports.US);
        java.io.StringWriter out = new java.io.StringWriter();
        i.report.writeRejectionsCsv(out);

        assertThat(out.toString()).isEqualTo("line,column,value,reason\r\n"
                + "2,phone,\"1,5551E+10\",\"looks like a number Excel converted to scientific notation, which loses "
                + "digits; format the column as text and export again\"\r\n");
        assertThat(i.report.rejectionsTruncated()).isFalse();
    }

    @Test
    void aQuoteNeverClosedInAHugeFileFailsFastInsteadOfFillingTheHeap() {
        // 5 MB after an unclosed quote: refused once the row passes the record limit (1 M characters)
        InputStream csv = new InputStream() {
            private final byte[] head = "phone,name\n+14155552671,\"Ada\n".getBytes(StandardCharsets.UTF_8);
            private int position;

            @Override
            public int read() {
                int p = position++;
                return p < head.length ? head[p] : p < 5_000_000 ? 'x' : -1;
            }
        };

        assertThatThrownBy(() -> RecipientCsvImporter.create().importCsv(csv, Imports.US, ExistingNumbers.none(),
                new RecordingSession()))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith("line 2: the row starting here runs past ")
                .hasMessageEndingWith("characters; is a quote (\") opened and never closed?");
    }
}
