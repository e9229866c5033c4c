package io.batchcall.csv;

import io.batchcall.model.BatchId;
import io.batchcall.spi.RecipientStore;
import java.util.function.Consumer;

/**
 * Streams the E.164 numbers already in the batch an import adds to, so that rows repeating them
 * are reported as duplicates. Called once, before the file is read; the importer keeps the numbers
 * in a compact set (11 to 21 bytes each), never as strings.
 */
@FunctionalInterface
public interface ExistingNumbers {
    /**
     * Calls {@code action} with each number, in E.164 form ({@code +14155552671}).
     *
     * @param action called once per number, on the importing thread
     */
    void forEach(Consumer<String> action);

    /**
     * For a batch that has no recipients yet.
     *
     * @return numbers that are always empty
     */
    static ExistingNumbers none() {
        return action -> {
        };
    }

    /**
     * The numbers of {@code batch} as stored by {@code store}.
     *
     * @param store the recipient store
     * @param batch the batch being imported into
     * @return numbers read from the store each time {@code forEach} is called
     */
    static ExistingNumbers of(RecipientStore store, BatchId batch) {
        return action -> store.forEachPhone(batch, action);
    }
}
