package io.batchcall.jdbc.internal;

import io.batchcall.model.NewRecipient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL import: each chunk is streamed with COPY into a temporary staging table (dropped at
 * commit), then merged in file order with {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, whose
 * row count is the number of new recipients. Three statements per chunk, whatever its size.
 */
final class PgCopyWriter implements RecipientWriter {
    private static final int FLUSH_BYTES = 64 * 1024;

    private final Connection c;
    private final CopyManager copy;
    private final long batchId;
    private final String accountId;
    private final String copySql;
    private final String merge;
    private final String truncate;
    private long ordinal;

    PgCopyWriter(Connection c, Tables t, long batchId, String accountId) throws SQLException {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.batchId = batchId;
        this.accountId = accountId;
        String stage = t.name("import_stage");
        Sql.update(c, "CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (ord BIGINT NOT NULL, phone VARCHAR(16) "
                + "NOT NULL, name TEXT NOT NULL, variables TEXT NOT NULL, zone_key TEXT NOT NULL) ON COMMIT DROP");
        this.copySql = "COPY " + stage + " (ord, phone, name, variables, zone_key) FROM STDIN (FORMAT csv)";
        this.merge = t.sql("INSERT INTO {p}recipients (batch_id, account_id, phone, name, variables, zone_key, status, "
                + "attempts, not_before_us) SELECT ?, ?, phone, name, variables, zone_key, 'pending', 0, 0 FROM " + stage
                + " ORDER BY ord ON CONFLICT (batch_id, phone) DO NOTHING");
        this.truncate = "TRUNCATE " + stage;
    }

    @Override
    public int add(List<NewRecipient> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return 0;
        }
        CopyIn in = copy.copyIn(copySql);
        try {
            StringBuilder buf = new StringBuilder(FLUSH_BYTES + 1024);
            for (NewRecipient r : chunk) {
                buf.append(++ordinal).append(',').append(r.phone().e164()).append(',');
                quoted(buf, r.name()).append(',');
                quoted(buf, VariablesJson.write(r.variables())).append(',');
                quoted(buf, r.zoneKey()).append('\n');
                if (buf.length() >= FLUSH_BYTES) {
                    write(in, buf);
                }
            }
            write(in, buf);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        int added = Sql.update(c, merge, batchId, accountId);
        Sql.update(c, truncate);
        return added;
    }

    private static StringBuilder quoted(StringBuilder buf, String text) {
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

    private static void write(CopyIn in, StringBuilder buf) throws SQLException {
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    @Override
    public void close() {
        // the staging table goes with the transaction (ON COMMIT DROP, or the rollback)
    }
}
