package io.batchcall.internal;

import io.batchcall.csv.CsvImportException;
import io.batchcall.csv.internal.DelimiterSniffer;
import io.batchcall.csv.internal.HeaderNames;
import io.batchcall.csv.internal.PhoneNormalizer;
import io.batchcall.csv.internal.StrictUtf8Reader;
import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.policy.SuppressionImport;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.Suppression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a suppression list into a {@link ContactStore} in bounded memory: numbers are normalised
 * exactly as a recipient import does ({@link PhoneNormalizer}) and written in chunks of
 * {@link #CHUNK}, each its own unit of work (a failure part-way keeps the chunks written; loading
 * the same file again is harmless). The phone column is found by the import's header names; a
 * file whose first row names no phone column is read as one number per row, first column.
 */
final class SuppressionLoader {
    static final int CHUNK = 10_000;
    private static final int REJECTIONS_KEPT = 100;

    private final ContactStore contacts;

    SuppressionLoader(ContactStore contacts) {
        this.contacts = contacts;
    }

    SuppressionImport load(AccountId account, InputStream csv, String defaultRegion, String reason, String source,
            Instant at) {
        PhoneNormalizer normalizer = PhoneNormalizer.isolated(defaultRegion);
        Map<Long, String> rejected = new HashMap<>();
        long read = 0;
        long added = 0;
        long rejectedCount = 0;
        List<Suppression> chunk = new ArrayList<>(CHUNK);
        try (BufferedReader in = new BufferedReader(new StrictUtf8Reader(csv), 1 << 16)) {
            DelimiterSniffer.Sniffed sniffed = DelimiterSniffer.sniff(in, 1 << 16);
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(sniffed.delimiter()).build().parse(in);
            int column = -1;
            for (CSVRecord row : parser) {
                if (column < 0) {
                    column = phoneColumn(row);
                    if (column >= 0) {
                        continue;
                    }
                    column = 0;
                }
                if (row.size() <= column || row.get(column).isBlank()) {
                    continue;
                }
                read++;
                PhoneNormalizer.Result r = normalizer.normalize(row.get(column).strip());
                if (!r.ok()) {
                    rejectedCount++;
                    if (rejected.size() < REJECTIONS_KEPT) {
                        rejected.put(row.getRecordNumber() + sniffed.linesConsumed(), r.reason());
                    }
                    continue;
                }
                chunk.add(new Suppression(new PhoneNumber(r.e164()), reason, source, at));
                if (chunk.size() == CHUNK) {
                    added += write(account, chunk);
                }
            }
            added += write(account, chunk);
        } catch (IOException e) {
            throw new CsvImportException("suppression list could not be read: " + e.getMessage(), 0, true, e);
        } catch (UncheckedIOException e) {
            throw new CsvImportException("suppression list could not be read: " + e.getCause().getMessage(), 0, true,
                    e.getCause());
        }
        return new SuppressionImport(read, added, read - rejectedCount - added, rejectedCount, rejected);
    }

    private int write(AccountId account, List<Suppression> chunk) {
        if (chunk.isEmpty()) {
            return 0;
        }
        // A file may list a number twice; the store takes each number once per call.
        Map<String, Suppression> distinct = new java.util.LinkedHashMap<>();
        for (Suppression s : chunk) {
            distinct.putIfAbsent(s.phone().e164(), s);
        }
        int n = contacts.suppress(account, new ArrayList<>(distinct.values()));
        chunk.clear();
        return n;
    }

    private static int phoneColumn(CSVRecord header) {
        for (String name : HeaderNames.PHONE) {
            for (int i = 0; i < header.size(); i++) {
                if (HeaderNames.normalize(header.get(i)).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
