package io.batchcall.csv;

import io.batchcall.csv.internal.HeaderLayout;
import io.batchcall.csv.internal.LongHashSet;
import io.batchcall.csv.internal.ValidatedChunk;
import io.batchcall.model.NewRecipient;
import io.batchcall.spi.ImportSession;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes validated rows in line order on the importing thread: drops duplicates, hands the rest to
 * the session in chunks of {@link ImportOptions#chunkSize()} and counts everything for the
 * {@link ImportReport}. Not thread-safe.
 */
final class ReportCollector implements Consumer<ValidatedChunk> {
    private final ImportSession session;
    private final LongHashSet existing;
    private final LongHashSet seen = new LongHashSet();
    private final int maxKept;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Rejection> duplicateRows = new ArrayList<>();
    private String phoneHeader = "";
    private long rowsRead;
    private long accepted;
    private long duplicates;
    private long rejected;
    private long blankRows;

    private final int chunkSize;
    private List<NewRecipient> fresh;

    ReportCollector(ImportSession session, LongHashSet existing, ImportOptions options) {
        this.session = session;
        this.existing = existing;
        this.maxKept = options.maxRejectionsKept();
        this.chunkSize = options.chunkSize();
        this.fresh = new ArrayList<>(Math.min(chunkSize, 1_024));
    }

    void header(HeaderLayout layout) {
        phoneHeader = layout.mapping().phone();
    }

    void rowRead() {
        rowsRead++;
    }

    void blankRow() {
        blankRows++;
    }

    @Override
    public void accept(ValidatedChunk chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            Rejection rejection = chunk.rejection(i);
            if (rejection != null) {
                rejected++;
                keep(rejections, rejection);
            } else if (existing.contains(chunk.key(i))) {
                duplicate(chunk, i, "already in the batch");
            } else if (!seen.add(chunk.key(i))) {
                duplicate(chunk, i, "already on an earlier row of this file");
            } else {
                fresh.add(chunk.recipient(i));
                if (fresh.size() == chunkSize) {
                    flush();
                }
            }
        }
    }

    /** Hands the recipients collected so far to the session. */
    void flush() {
        if (!fresh.isEmpty()) {
            int added = session.add(fresh);
            accepted += added;
            duplicates += fresh.size() - added; // numbers the store already had (e.g. added concurrently)
            fresh = new ArrayList<>(Math.min(chunkSize, 1_024));
        }
    }

    private void duplicate(ValidatedChunk chunk, int i, String where) {
        duplicates++;
        keep(duplicateRows, new Rejection(chunk.line(i), phoneHeader, chunk.rawPhone(i),
                "duplicate: " + chunk.recipient(i).phone().e164() + " is " + where));
    }

    private void keep(List<Rejection> list, Rejection r) {
        if (list.size() < maxKept) {
            list.add(r);
        }
    }

    ImportProgress progress(boolean finished) {
        return new ImportProgress(rowsRead, accepted, duplicates, rejected, finished);
    }

    ImportReport report(ColumnMapping columns) {
        return new ImportReport(columns, rowsRead, accepted, duplicates, rejected, blankRows, rejections,
                duplicateRows);
    }
}
