package io.batchcall.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs imports for tests, from test resources or strings. */
final class Imports {
    final RecordingSession session = new RecordingSession();
    ImportReport report;

    static final ImportOptions US = ImportOptions.custom().defaultRegion("US").build();

    static Imports ofResource(String name, ImportOptions options, String... existing) {
        return of(bytes(name), options, existing);
    }

    static Imports ofText(String csv, ImportOptions options, String... existing) {
        return of(csv.getBytes(StandardCharsets.UTF_8), options, existing);
    }

    static Imports of(byte[] csv, ImportOptions options, String... existing) {
        Imports imports = new Imports();
        imports.report = RecipientCsvImporter.create().importCsv(new ByteArrayInputStream(csv), options,
                List.of(existing)::forEach, imports.session);
        return imports;
    }

    static byte[] bytes(String name) {
        try (InputStream in = Imports.class.getResourceAsStream("/csv/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /csv/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> numbers() {
        return session.added.stream().map(r -> r.phone().e164()).toList();
    }

    List<String> names() {
        return session.added.stream().map(r -> r.name()).toList();
    }

    /** The rejections as "line|column|reason" strings, for compact assertions. */
    List<String> rejections() {
        return report.rejections().stream().map(r -> r.line() + "|" + r.column() + "|" + r.reason()).toList();
    }

    List<String> duplicateLines() {
        return report.duplicateRows().stream().map(r -> r.line() + "|" + r.value() + "|" + r.reason()).toList();
    }
}
