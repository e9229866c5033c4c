package io.batchcall.jdbc.internal;

import io.batchcall.BatchCallException;
import io.batchcall.model.BatchId;
import io.batchcall.model.NewRecipient;
import io.batchcall.spi.ImportSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One import as one database transaction on one connection: chunks are written as they come
 * (bounded memory, a few round trips per chunk) and become visible together at {@link #commit()}.
 * Not thread-safe.
 */
final class JdbcImportSession implements ImportSession {
    private final Connection c;
    private final BatchId batch;
    private final RecipientWriter writer;
    private final Step beforeCommit;
    private final Step afterCommit;
    private long added;
    private boolean open = true;

    /** Work on the session's connection around the commit. */
    @FunctionalInterface
    interface Step {
        void run(Connection c, long added) throws SQLException;
    }

    /**
     * @param beforeCommit runs inside the transaction just before it commits (may refuse it)
     * @param afterCommit runs once the import committed; its failure does not undo the import
     */
    JdbcImportSession(Connection c, BatchId batch, RecipientWriter writer, Step beforeCommit, Step afterCommit) {
        this.c = c;
        this.batch = batch;
        this.writer = writer;
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
    }

    @Override
    public int add(List<NewRecipient> chunk) {
        requireOpen();
        try {
            int n = writer.add(chunk);
            added += n;
            return n;
        } catch (SQLException e) {
            BatchCallException failure = SqlErrors.translate("importing recipients into batch " + batch, e);
            abort(failure);
            throw failure;
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    @Override
    public long commit() {
        requireOpen();
        try {
            writer.close();
            beforeCommit.run(c, added);
            c.commit();
        } catch (SQLException e) {
            BatchCallException failure = SqlErrors.translate("committing the import into batch " + batch, e);
            abort(failure);
            throw failure;
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
        try {
            c.setAutoCommit(true);
            afterCommit.run(c, added);
        } catch (SQLException e) {
            // statistics are an optimisation; the import itself is committed
        }
        closeConnection(null);
        return added;
    }

    @Override
    public void close() {
        if (open) {
            abort(null);
        }
    }

    private void abort(Throwable cause) {
        Throwable sink = cause == null ? new IllegalStateException("rollback") : cause;
        Jdbc.rollbackQuietly(c, sink);
        closeConnection(sink);
    }

    private void closeConnection(Throwable cause) {
        open = false;
        try {
            c.setAutoCommit(true);
            c.close();
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the import session for batch " + batch + " is closed");
        }
    }
}
