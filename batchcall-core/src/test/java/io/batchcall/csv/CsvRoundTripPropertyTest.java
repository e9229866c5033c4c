package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.batchcall.model.NewRecipient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any recipient list written by commons-csv, with any supported delimiter, quoting, line end and
 * BOM, imports to exactly the same numbers, names and variables, whatever the chunk size and
 * number of validation threads.
 */
class CsvRoundTripPropertyTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Distinct valid numbers; person i gets number i. */
    private static final List<String> NUMBERS = numbers();
    /** Line breaks are refused in names and variables (TextRulesTest), so they are not among the tokens. */
    private static final List<String> TOKENS = List.of("a", "Zo", "é", "日本", "😀", "ß", ",", ";", "\t", "\"",
            "\"\"", " ", "'", "=", "#", "x y", "1", "+1", "0", "O'Brien", "Müller, Söhne", "@", "-");

    record Person(int format, String name, String first, String last, List<String> vars) {
    }

    record Layout(char delimiter, QuoteMode quoting, boolean crlf, boolean bom) {
    }

    record Sample(Layout layout, List<Person> people, int variables, boolean firstLast) {
    }

    @Test
    void importReturnsExactlyWhatWasWritten() {
        qt().withExamples(150).withShrinkCycles(200)
                .forAll(samples(), integers().between(1, 3), integers().between(1, 5))
                .checkAssert((sample, threads, chunkSize) -> {
                    byte[] csv = write(sample);
                    RecordingSession session = new RecordingSession();
                    ImportOptions options = ImportOptions.custom().defaultRegion("US").validationThreads(threads)
                            .chunkSize(chunkSize).build();
                    ImportReport report = RecipientCsvImporter.create().importCsv(new ByteArrayInputStream(csv),
                            options, ExistingNumbers.none(), session);

                    assertThat(report.rejections()).isEmpty();
                    assertThat(report.rowsRead()).isEqualTo(sample.people().size());
                    assertThat(report.accepted()).isEqualTo(sample.people().size());
                    assertThat(report.columns().delimiter()).isEqualTo(sample.layout().delimiter());
                    List<List<Object>> expected = new ArrayList<>();
                    for (int i = 0; i < sample.people().size(); i++) {
                        expected.add(expectedRecipient(sample, i));
                    }
                    assertThat(session.added).extracting(r -> List.<Object>of(r.phone().e164(), r.name(),
                            r.variables())).containsExactlyElementsOf(expected);
                    assertThat(session.added).extracting(NewRecipient::zoneKey).doesNotContainNull();
                });
    }

    private static List<Object> expectedRecipient(Sample sample, int i) {
        Person p = sample.people().get(i);
        Map<String, String> vars = new LinkedHashMap<>();
        String name = p.name();
        if (sample.firstLast()) {
            vars.put("First Name", p.first());
            vars.put("Last Name", p.last());
            name = p.first().isEmpty() ? p.last() : p.last().isEmpty() ? p.first() : p.first() + " " + p.last();
        }
        for (int v = 0; v < sample.variables(); v++) {
            vars.put("var " + (v + 1), p.vars().get(v));
        }
        return List.of(NUMBERS.get(i), name, vars);
    }

    private static byte[] write(Sample sample) {
        Layout layout = sample.layout();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(layout.delimiter()).setQuoteMode(layout.quoting())
                .setRecordSeparator(layout.crlf() ? "\r\n" : "\n").get();
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            List<String> header = new ArrayList<>(List.of("phone"));
            header.addAll(sample.firstLast() ? List.of("First Name", "Last Name") : List.of("name"));
            for (int v = 0; v < sample.variables(); v++) {
                header.add("var " + (v + 1));
            }
            printer.printRecord(header);
            for (int i = 0; i < sample.people().size(); i++) {
                Person p = sample.people().get(i);
                List<String> row = new ArrayList<>(List.of(formatted(NUMBERS.get(i), p.format())));
                row.addAll(sample.firstLast() ? List.of(p.first(), p.last()) : List.of(p.name()));
                row.addAll(p.vars().subList(0, sample.variables()));
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ((layout.bom() ? "\uFEFF" : "") + out).getBytes(StandardCharsets.UTF_8);
    }

    private static String formatted(String e164, int format) {
        try {
            var number = UTIL.parse(e164, "ZZ");
            boolean us = number.getCountryCode() == 1;
            switch (format) {
                case 0:
                    return e164;
                case 1:
                    return UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
                case 2:
                    return us ? UTIL.format(number, PhoneNumberFormat.NATIONAL) : e164; // default region is US
                default:
                    return "=\"" + e164 + "\""; // Excel's keep-as-text form
            }
        } catch (NumberParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Gen<Sample> samples() {
        Gen<Layout> layouts = Generate.pick(List.of(',', ';', '\t'))
                .zip(Generate.pick(List.of(QuoteMode.MINIMAL, QuoteMode.ALL, QuoteMode.NON_NUMERIC)), booleans().all(),
                        booleans().all(), Layout::new);
        Gen<String> text = lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 5)
                .map(tokens -> clean(String.join("", tokens)));
        Gen<Person> people = integers().between(0, 3).zip(text, text, text, lists().of(text).ofSize(3), Person::new);
        return layouts.zip(lists().of(people).ofSizeBetween(0, 25), integers().between(0, 3), booleans().all(),
                Sample::new);
    }

    /** What the importer keeps of a cell: stripped, and not in the {@code ="…"} form it unwraps. */
    private static String clean(String text) {
        String stripped = text.strip();
        return stripped.startsWith("=\"") && stripped.endsWith("\"") ? "x" + stripped : stripped;
    }

    private static List<String> numbers() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            numbers.add(i % 3 == 2 ? "+44791101" + String.format("%04d", i) : "+1212200" + String.format("%04d", i));
        }
        numbers.forEach(n -> {
            if (!UTIL.isValidNumber(parse(n))) {
                throw new IllegalStateException(n + " is not valid");
            }
        });
        return numbers;
    }

    private static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parse(String n) {
        try {
            return UTIL.parse(n, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
