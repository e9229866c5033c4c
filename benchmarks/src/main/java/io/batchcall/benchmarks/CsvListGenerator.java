package io.batchcall.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a recipient list shaped like a CRM export: 7 columns (phone, first_name, last_name,
 * email, company, city, notes), UTF-8 with accented names, CRLF, quoted cells where needed
 * (companies with commas, notes with quotes). Numbers are mostly US (three formats), with UK
 * and German mobiles; 1% of rows repeat an earlier number in another format and 1% are
 * invalid, so the import has duplicates and rejections to report. Deterministic.
 */
final class CsvListGenerator {
    private static final String[] AREAS = {"212", "213", "305", "312", "404", "415", "503", "512", "602", "617",
        "646", "702", "713", "718", "720", "773", "808", "818", "917", "949"};
    private static final String[] FIRST = {"Ada", "José", "Zoë", "Björn", "Mary", "Wei", "Fatima", "Liam", "Olivia",
        "Noah", "Chloé", "Søren"};
    private static final String[] LAST = {"Lovelace", "García", "O'Brien", "Müller", "Smith", "Nguyen", "Kowalski",
        "Johnson", "Dupont", "Andersen"};
    private static final String[] COMPANY = {"Acme, Inc.", "Globex", "Initech", "Umbrella Corp", "Stark Industries",
        "Wayne Enterprises, LLC", "Hooli"};
    private static final String[] CITY = {"New York", "San Francisco", "London", "Berlin", "Austin", "Chicago"};

    private CsvListGenerator() {
    }

    /** Writes {@code rows} data rows plus a header to {@code file}. */
    static void write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("phone", "first_name", "last_name", "email", "company", "city", "notes");
            for (int i = 0; i < rows; i++) {
                String first = FIRST[i % FIRST.length];
                String last = LAST[(i / 7) % LAST.length];
                String notes = i % 10 == 0 ? "said \"call after 5pm\"" : i % 10 == 1 ? "prefers email,\nthen phone" : "";
                csv.printRecord(phone(i), first, last, "user" + i + "@example.com", COMPANY[i % COMPANY.length],
                        CITY[i % CITY.length], notes);
            }
        }
    }

    static String phone(int i) {
        int kind = i % 100;
        if (kind == 0) {
            return i % 200 == 0 ? "1.5551E+10" : "12345";
        }
        if (kind == 1) {
            return i < 100 ? us(i, 0) : us(i - 2, i - 1); // row i - 2's (US) number, another format
        }
        if (kind < 22) {
            return "+44 7911 " + String.format("%06d", i / 100 * 20 + kind - 2); // 7911 0xxxxx-2xxxxx are valid
        }
        if (kind < 30) {
            return "+49 151 " + String.format("%08d", i);
        }
        return us(i, i % 3);
    }

    /** A US number unique to {@code i} in one of three formats. */
    private static String us(int i, int format) {
        String area = AREAS[i % AREAS.length];
        int rest = i / AREAS.length;
        String exchange = String.valueOf(200 + (rest / 10_000) % 800);
        String line = String.format("%04d", rest % 10_000);
        switch (format % 3) {
            case 0:
                return "+1" + area + exchange + line;
            case 1:
                return "(" + area + ") " + exchange + "-" + line;
            default:
                return area + "-" + exchange + "-" + line;
        }
    }
}
