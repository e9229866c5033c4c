package io.batchcall.api.internal;

import io.batchcall.csv.ImportReport;
import io.batchcall.model.BatchId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last import report of the most recently uploaded batches, so that the rejected rows can be
 * downloaded as CSV after the upload. Held in memory on the node that took the upload, bounded
 * (least recently used batches are forgotten); reports already bound their own lists.
 */
public final class LastReports {
    private final Map<BatchId, ImportReport> reports;

    public LastReports(int capacity) {
        this.reports = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<BatchId, ImportReport> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(BatchId id, ImportReport report) {
        reports.put(id, report);
    }

    synchronized ImportReport get(BatchId id) {
        return reports.get(id);
    }
}
