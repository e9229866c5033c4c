package io.batchcall.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.batchcall.model.NewRecipient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL import. Each chunk is streamed with COPY straight into the recipients table under a
 * savepoint: the fast path, as cheap as a plain COPY, whose row count is the chunk. A chunk holding
 * a number the batch already has (stored before, or by a concurrent import) makes the unique
 * {@code (batch_id, phone)} index refuse the COPY; the chunk is then rolled back to the savepoint
 * and written again through a temporary staging table (dropped at commit) merged in file order
 * with {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, whose row count is the number of new
 * recipients. Under row-level security, which COPY into the table does not support, every chunk
 * takes the staged path. Row text is built in one buffer (variables JSON streamed into it, CSV-quoted on the
 * way) and sent in 64 KB writes.
 */
final class PgCopyWriter implements RecipientWriter {
    private static final int FLUSH_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final Connection c;
    private final CopyManager copy;
    private final Tables t;
    private final long batchId;
    private final String accountId;
    private final String directCopy;
    private final StringBuilder buf = new StringBuilder(FLUSH_BYTES + 1024);
    private final JsonGenerator json;
    private String stageCopy;
    private String merge;
    private String truncate;
    private long ordinal;
    /** PostgreSQL refuses COPY into a table under row-level security (0A000): stage every chunk then. */
    private boolean directRefused;

    PgCopyWriter(Connection c, Tables t, long batchId, String accountId) throws SQLException {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.t = t;
        this.batchId = batchId;
        this.accountId = accountId;
        this.directCopy = t.sql("COPY {p}recipients (batch_id, account_id, phone, name, variables, zone_key, status, "
                + "attempts, not_before_us) FROM STDIN (FORMAT csv)");
        try {
            this.json = JSON.createGenerator(new QuotingWriter(buf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int add(List<NewRecipient> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return 0;
        }
        if (directRefused) {
            return staged(chunk);
        }
        Savepoint before = c.setSavepoint();
        try {
            long n = copy(directCopy, chunk, true);
            c.releaseSavepoint(before);
            return (int) n;
        } catch (SQLException e) {
            boolean refused = "0A000".equals(e.getSQLState());
            if (!SqlErrors.isUniqueViolation(e) && !refused) {
                throw e;
            }
            c.rollback(before);
            directRefused = refused;
        }
        return staged(chunk);
    }

    /** The slow path: COPY into the staging table, then merge skipping numbers already stored. */
    private int staged(List<NewRecipient> chunk) throws SQLException {
        if (stageCopy == null) {
            String stage = t.name("import_stage");
            Sql.update(c, "CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (ord BIGINT NOT NULL, phone VARCHAR(16) "
                    + "NOT NULL, name TEXT NOT NULL, variables TEXT NOT NULL, zone_key TEXT NOT NULL) ON COMMIT DROP");
            stageCopy = "COPY " + stage + " (ord, phone, name, variables, zone_key) FROM STDIN (FORMAT csv)";
            merge = t.sql("INSERT INTO {p}recipients (batch_id, account_id, phone, name, variables, zone_key, status, "
                    + "attempts, not_before_us) SELECT ?, ?, phone, name, variables, zone_key, 'pending', 0, 0 FROM "
                    + stage + " ORDER BY ord ON CONFLICT (account_id, batch_id, phone) DO NOTHING");
            truncate = "TRUNCATE " + stage;
        }
        copy(stageCopy, chunk, false);
        int added = Sql.update(c, merge, batchId, accountId);
        Sql.update(c, truncate);
        return added;
    }

    /** Streams the chunk's rows: recipients-table rows if {@code direct}, else staging rows. */
    private long copy(String sql, List<NewRecipient> chunk, boolean direct) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            buf.setLength(0);
            for (NewRecipient r : chunk) {
                if (direct) {
                    buf.append(batchId).append(',');
                    quoted(accountId).append(',');
                } else {
                    buf.append(++ordinal).append(',');
                }
                buf.append(r.phone().e164()).append(',');
                quoted(r.name()).append(',');
                variables(r.variables()).append(',');
                quoted(r.zoneKey());
                buf.append(direct ? ",pending,0,0\n" : "\n");
                if (buf.length() >= FLUSH_BYTES) {
                    write(in);
                }
            }
            write(in);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** The variables as a JSON object (as {@link VariablesJson#write}), CSV-quoted. */
    private StringBuilder variables(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return buf.append("{}");
        }
        buf.append('"');
        try {
            json.writeStartObject();
            for (Map.Entry<String, String> e : variables.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.append('"');
    }

    private StringBuilder quoted(String text) {
        buf.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                buf.append('"');
            }
            buf.append(ch);
        }
        return buf.append('"');
    }

    private void write(CopyIn in) throws SQLException {
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    @Override
    public void close() {
        // the staging table goes with the transaction (ON COMMIT DROP, or the rollback)
    }

    /** Appends to the buffer, doubling quotes: JSON written through it lands CSV-quoted. */
    private static final class QuotingWriter extends Writer {
        private final StringBuilder out;

        QuotingWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (chars[i] == '"') {
                    out.append('"');
                }
                out.append(chars[i]);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
