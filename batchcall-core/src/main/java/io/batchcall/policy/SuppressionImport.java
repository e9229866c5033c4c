package io.batchcall.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a bulk load of a suppression list did.
 *
 * @param read numbers read (non-empty cells of the phone column)
 * @param added numbers new on the list
 * @param alreadyListed valid numbers that were on the list already (or twice in the file)
 * @param rejected cells that are not a valid number
 * @param firstRejections line number to reason, for at most the first 100 rejected cells
 */
public record SuppressionImport(long read, long added, long alreadyListed, long rejected,
        Map<Long, String> firstRejections) {
    /**
     * Copies the rejections, sorted by line.
     *
     * @param read numbers read
     * @param added numbers new on the list
     * @param alreadyListed valid numbers already listed
     * @param rejected invalid cells
     * @param firstRejections line to reason, at most 100; null for none
     */
    public SuppressionImport {
        firstRejections = firstRejections == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(firstRejections));
    }
}
