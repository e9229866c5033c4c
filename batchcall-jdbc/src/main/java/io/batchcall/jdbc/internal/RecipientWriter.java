package io.batchcall.jdbc.internal;

import io.batchcall.model.NewRecipient;
import java.sql.SQLException;
import java.util.List;

/**
 * Adds import chunks to one batch inside an open transaction, skipping numbers already in the batch
 * (the unique {@code (batch_id, phone)} decides).
 */
interface RecipientWriter {
    /** Writes a chunk in a few round trips and returns how many rows were new. */
    int add(List<NewRecipient> chunk) throws SQLException;

    /** Frees statements; the transaction stays open. */
    void close() throws SQLException;
}
