package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.NewRecipient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files under {@code src/test/resources/csv}, byte for byte as users upload them, with the
 * exact outcome of each: counts, line numbers and reasons.
 */
class CsvGoldenFilesTest {
    private static final String LOST_PLUS_UK = "not valid for region US; it is valid as +447911123456 — was the "
            + "leading '+' lost (Excel)?";
    private static final String SCIENTIFIC = "looks like a number Excel converted to scientific notation, which "
            + "loses digits; format the column as text and export again";

    private static ImportOptions region(String region) {
        return ImportOptions.custom().defaultRegion(region).build();
    }

    private static void assertCounts(ImportReport report, long read, long accepted, long duplicates, long rejected) {
        assertThat(List.of(report.rowsRead(), report.accepted(), report.duplicates(), report.rejected()))
                .as("rows read, accepted, duplicates, rejected").containsExactly(read, accepted, duplicates, rejected);
    }

    @Test
    void excelEuropeSemicolonWithBomAndCrlf() {
        Imports i = Imports.ofResource("excel_eu_semicolon_bom_crlf.csv", region("DE"));

        assertCounts(i.report, 4, 3, 0, 1);
        assertThat(i.report.columns().delimiter()).isEqualTo(';');
        assertThat(i.report.columns().phone()).isEqualTo("Phone"); // no BOM left in the first header
        assertThat(i.numbers()).containsExactly("+49301234567", "+33612345678", "+49307654321");
        assertThat(i.names()).containsExactly("Jürgen Müller", "Anaïs Dupont", "Søren Kierkegaard");
        assertThat(i.session.added.get(0).variables()).containsExactly(Map.entry("First Name", "Jürgen"),
                Map.entry("Last Name", "Müller"), Map.entry("Email", "j@example.de"),
                Map.entry("Company", "Müller; Söhne GmbH"), Map.entry("Budget", "1.234,56"));
        assertThat(i.session.added.get(1).variables()).containsEntry("Budget", "12,5");
        assertThat(i.session.added).extracting(NewRecipient::zoneKey)
                .containsExactly("Europe/Berlin", "Europe/Paris", "Europe/Berlin");
        assertThat(i.rejections()).containsExactly("5|Phone|" + SCIENTIFIC);
        assertThat(i.report.rejections().get(0).value()).isEqualTo("4,91512E+11");
    }

    @Test
    void mixedLineEndingsAndBlankLines() {
        Imports i = Imports.ofResource("line_endings_blank_lines.csv", Imports.US);

        assertCounts(i.report, 4, 3, 0, 1);
        assertThat(i.report.blankRows()).isEqualTo(3); // an empty line, a line of spaces and ",,"
        assertThat(i.numbers()).containsExactly("+14155552671", "+12125550100", "+13105550199");
        assertThat(i.names()).containsExactly("Ada", "Bob", "Cy");
        // CRLF, LF, blank lines and a lone CR all count as one line each
        assertThat(i.rejections()).containsExactly("8|phone|not a valid number for region US");
    }

    @Test
    void quotedDelimitersQuotesAndLineBreaks() {
        Imports i = Imports.ofResource("quoted_commas_newlines.csv", Imports.US);

        assertCounts(i.report, 4, 2, 0, 2);
        assertThat(i.names()).containsExactly("Lovelace, Ada", "Quote \" inside");
        assertThat(i.session.added).extracting(r -> r.variables().get("notes")).containsExactly("said \"hi\"", "");
        // a line break inside quotes is read, counted as a line, and refused in a name (TextRules);
        // the row at line 3 spans lines 3-5, so the next row starts at line 6
        assertThat(i.rejections()).containsExactly("3|name|column 'name' holds the control character U+000A at "
                + "position 6 (a line break); names and variables may hold tabs but no other control characters",
                "6|phone|not a phone number");
        assertThat(i.report.rejections().get(0).value()).isEqualTo("Multi\\u000ALine Name");
    }

    @Test
    void tabDelimited() {
        Imports i = Imports.ofResource("tab_delimited.tsv", region("GB"));

        assertCounts(i.report, 3, 3, 0, 0);
        assertThat(i.report.columns().delimiter()).isEqualTo('\t');
        assertThat(i.report.columns().phone()).isEqualTo("Mobile");
        assertThat(i.numbers()).containsExactly("+447911123456", "+447911123457", "+442079460958");
        assertThat(i.names()).containsExactly("Ada", "Bob", "Tab\tinside");
    }

    @Test
    void extraAndMissingCells() {
        Imports i = Imports.ofResource("extra_missing_cells.csv", Imports.US);

        assertCounts(i.report, 6, 4, 0, 2);
        assertThat(i.numbers()).containsExactly("+14155552671", "+12125550100", "+13105550199", "+16175550123");
        assertThat(i.session.added).extracting(r -> r.variables().get("city"))
                .containsExactly("Paris", "", "", "Rome"); // missing cells are empty; empty extra cells are ignored
        assertThat(i.names()).containsExactly("Ada", "Bob", "", "Dee");
        assertThat(i.rejections()).containsExactly(
                "6||the row has 4 cells but the header has 3 columns; is a delimiter inside a value that is not quoted?",
                "7|phone|phone is empty");
        assertThat(i.report.rejections().get(0).value()).isEqualTo("extra");
    }

    @Test
    void hubspotExportUsesPhoneNumberAndFirstPlusLastName() {
        Imports i = Imports.ofResource("hubspot_export.csv", Imports.US);

        assertCounts(i.report, 4, 3, 0, 1);
        ColumnMapping columns = i.report.columns();
        assertThat(columns.phone()).isEqualTo("Phone Number"); // preferred over "Mobile Phone Number"
        assertThat(columns.name()).containsExactly("First Name", "Last Name");
        assertThat(columns.variables()).containsExactly("Record ID", "First Name", "Last Name", "Email",
                "Mobile Phone Number", "Company Name", "Lifecycle Stage");
        assertThat(i.names()).containsExactly("Ada Lovelace", "Grace", "Katherine Johnson");
        assertThat(i.numbers()).containsExactly("+14155552671", "+12125550100", "+16175550123");
        assertThat(i.session.added.get(2).variables()).containsEntry("Company Name", "NASA, Langley");
        assertThat(i.rejections()).containsExactly("4|Phone Number|phone is empty");
    }

    @Test
    void salesforceReportUsesMobilePhone() {
        Imports i = Imports.ofResource("salesforce_report.csv", Imports.US);

        assertCounts(i.report, 3, 2, 0, 1);
        assertThat(i.report.columns().phone()).isEqualTo("Mobile Phone");
        assertThat(i.names()).containsExactly("Marc Benioff", "Parker Harris");
        assertThat(i.session.added.get(0).variables()).containsEntry("Account Name", "Salesforce, Inc.");
        assertThat(i.rejections()).containsExactly("4|Mobile Phone|not a valid number for region US");
    }

    @Test
    void googleContactsUsesPhone1ValueAndRefusesSeveralNumbersInOneCell() {
        Imports i = Imports.ofResource("google_contacts.csv", Imports.US);

        assertCounts(i.report, 2, 1, 0, 1);
        assertThat(i.report.columns().phone()).isEqualTo("Phone 1 - Value");
        assertThat(i.report.columns().variables()).contains("Phone 1 - Label", "Phone 2 - Value")
                .doesNotContain("Phone 1 - Value");
        assertThat(i.names()).containsExactly("Ada Lovelace");
        assertThat(i.rejections()).containsExactly("3|Phone 1 - Value|holds several numbers separated by ':::' "
                + "(as Google Contacts exports them); keep one number per row");
    }

    @Test
    void noPhoneColumnRefusesTheFile() {
        assertThatThrownBy(() -> Imports.ofResource("no_phone_column.csv", Imports.US))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 1: no phone column: expected a column named phone, phone number, mobile or cell "
                        + "(or a common variant such as mobile phone, telephone, tel or Phone 1 - Value; case, "
                        + "spaces, underscores and hyphens do not matter), but the header was [Name, Email, Company]");
    }

    @Test
    void dataWithoutHeaderIsRecognised() {
        assertThatThrownBy(() -> Imports.ofResource("header_looks_like_data.csv", Imports.US))
                .isInstanceOf(CsvImportException.class)
                .hasMessageStartingWith("line 1: no phone column: the first line looks like data ('+14155552671' is "
                        + "a phone number), not a header");
    }

    @Test
    void variablesTimezonesBlankAndRepeatedHeaders() {
        Imports i = Imports.ofResource("variables_timezone.csv", Imports.US);

        assertCounts(i.report, 6, 4, 0, 2);
        ColumnMapping columns = i.report.columns();
        assertThat(columns.timezone()).isEqualTo("Timezone");
        assertThat(columns.variables()).containsExactly("Appointment", "Appointment (2)", "plan-tier");
        assertThat(columns.ignored()).containsExactly("column 5 (no header)");
        assertThat(i.session.added.get(0).variables()).containsExactly(Map.entry("Appointment", "Mon 10:00"),
                Map.entry("Appointment (2)", "Tue"), Map.entry("plan-tier", "gold"));
        assertThat(i.session.added).extracting(NewRecipient::zoneKey).containsExactly(
                "Europe/London", // from the column, though the number is Californian
                "America/New_York", // "america/new_york": case does not matter
                "America/Los_Angeles", // empty cell: from the number
                "Australia/Adelaide,Australia/Brisbane,Australia/Eucla,Australia/Lord_Howe,Australia/Perth,"
                        + "Australia/Sydney,Indian/Christmas,Indian/Cocos"); // an Australian mobile: every zone
        String reason = "not an IANA time zone id (such as America/New_York or Europe/Berlin)";
        assertThat(i.rejections()).containsExactly("5|Timezone|" + reason, "6|Timezone|" + reason);
    }

    @Test
    void invalidNumbersOfSeveralKinds() {
        Imports i = Imports.ofResource("invalid_numbers.csv", Imports.US);

        assertCounts(i.report, 9, 1, 0, 8);
        assertThat(i.numbers()).containsExactly("+14155552671");
        assertThat(i.rejections()).containsExactly(
                "2|phone|not a phone number",
                "3|phone|not a phone number",
                "4|phone|has an extension (7), which cannot be dialled; give the number without it",
                "5|phone|unknown country code",
                "6|phone|not a valid number for region US",
                "7|phone|not a valid number for country code +44",
                "8|phone|too long to be a phone number",
                "9|phone|holds several numbers separated by ':::' (as Google Contacts exports them); keep one "
                        + "number per row");
    }

    @Test
    void numbersExcelMangledAreRejectedWithTheReasonNeverGuessed() {
        Imports i = Imports.ofResource("excel_mangled.csv", Imports.US);

        assertCounts(i.report, 7, 2, 0, 5);
        assertThat(i.numbers()).containsExactly("+14155552671", "+12125550100"); // ="…" keeps Excel's text
        assertThat(i.rejections()).containsExactly(
                "2|phone|" + SCIENTIFIC,
                "3|phone|" + SCIENTIFIC,
                "4|phone|" + LOST_PLUS_UK,
                "5|phone|looks like a number a spreadsheet stored as a decimal (ends in '.0'); format the column "
                        + "as text and export again",
                "8|phone|not valid for region US; written as +447911123457 it is valid (00 is not the "
                        + "international prefix in US; write + and the country code)");
    }

    @Test
    void lostLeadingZeroIsNamedWhereItExplainsTheError() {
        Imports i = Imports.ofResource("lost_leading_zero_it.csv", region("IT"));

        assertCounts(i.report, 3, 2, 0, 1);
        assertThat(i.numbers()).containsExactly("+390612345678", "+390612345670");
        assertThat(i.rejections()).containsExactly("3|phone|not valid for region IT; with a leading zero "
                + "(0612345679) it is valid — was the leading zero lost (Excel)?");
    }

    @Test
    void duplicatesBeforeAndAfterNormalisationAndAgainstTheBatch() {
        Imports i = Imports.ofResource("duplicates.csv", Imports.US, "+13105550199", "+19995550000x");

        assertCounts(i.report, 6, 2, 4, 0);
        assertThat(i.numbers()).containsExactly("+14155552671", "+12125550100");
        String earlier = "duplicate: +14155552671 is already on an earlier row of this file";
        assertThat(i.duplicateLines()).containsExactly(
                "3|(415) 555-2671|" + earlier,
                "4|415-555-2671|" + earlier,
                "5|+14155552671|" + earlier,
                "6|+1 310 555 0199|duplicate: +13105550199 is already in the batch");
    }

    @Test
    void windows1252BytesRefuseTheFileNamingTheLine() {
        assertThatThrownBy(() -> Imports.ofResource("windows1252.csv", Imports.US))
                .isInstanceOfSatisfying(CsvImportException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessage("line 3: bytes are not valid UTF-8 (0xE9 at character 17); the file is probably in "
                        + "another encoding such as Windows-1252 — save it as \"CSV UTF-8\" and upload it again");
    }

    @Test
    void utf16IsNamed() {
        assertThatThrownBy(() -> Imports.ofResource("utf16le_bom.csv", Imports.US))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 1: the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; save it as \"CSV "
                        + "UTF-8\" and upload it again");
    }

    @Test
    void utf16WithoutBomIsNamedToo() {
        assertThatThrownBy(() -> Imports.ofResource("utf16le_no_bom.csv", Imports.US))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("line 1: the header holds NUL characters: the file is probably UTF-16 without a "
                        + "byte-order mark, not UTF-8; save it as \"CSV UTF-8\" and upload it again");
    }

    @Test
    void headerOnlyIsAnEmptyImport() {
        Imports i = Imports.ofResource("header_only.csv", Imports.US);

        assertCounts(i.report, 0, 0, 0, 0);
        assertThat(i.report.columns().variables()).containsExactly("city");
        assertThat(i.session.chunkSizes).isEmpty();
    }

    @Test
    void emptyFilesAreRefused() {
        for (String name : List.of("empty.csv", "blank_lines_only.csv")) {
            assertThatThrownBy(() -> Imports.ofResource(name, Imports.US))
                    .isInstanceOf(CsvImportException.class)
                    .hasMessageStartingWith("the file is empty: expected a header line naming the columns");
        }
    }

    @Test
    void brokenQuotingRefusesTheFileNamingTheRow() {
        assertThatThrownBy(() -> Imports.ofResource("unclosed_quote.csv", Imports.US))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("line 3: the CSV is malformed in the row starting here: ")
                .hasMessageEndingWith("is a quote (\") opened and never closed, or is there text after a closing "
                        + "quote?");
        assertThatThrownBy(() -> Imports.ofResource("text_after_quote.csv", Imports.US))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void excelSepLineSetsTheDelimiterAndCountsAsALine() {
        Imports i = Imports.ofResource("sep_line.csv", Imports.US);

        assertCounts(i.report, 2, 1, 0, 1);
        assertThat(i.report.columns().delimiter()).isEqualTo(';');
        assertThat(i.names()).containsExactly("Ada, the first");
        assertThat(i.rejections()).containsExactly("4|phone|not a valid number for region US");
    }
}
