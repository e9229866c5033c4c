package io.batchcall;

import io.batchcall.model.Batch;
import io.batchcall.model.RecipientCounts;

/** A batch with its recipient counts, as listed in the history. */
public record BatchSummary(Batch batch, RecipientCounts counts) {
}
