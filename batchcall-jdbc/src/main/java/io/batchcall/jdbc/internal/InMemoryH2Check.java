package io.batchcall.jdbc.internal;

import io.batchcall.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Refuses an H2 in-memory database that vanishes between connections: {@code jdbc:h2:mem:x}
 * without {@code DB_CLOSE_DELAY=-1} is dropped whenever its last connection closes (a pool that
 * lets its connections go, or the end of the migration that created the tables), and
 * {@code jdbc:h2:mem:} (no name) is a new private database on every connection. Either way the
 * schema and every batch would be lost, first visibly as "Table BC_BATCHES not found".
 */
final class InMemoryH2Check {
    private static final String MEM = ":mem:";

    private InMemoryH2Check() {
    }

    /** @throws StorageException (not retryable) naming the URL and the fix */
    static void refuseVolatile(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        if (url == null || !url.contains(MEM)) {
            return;
        }
        if (url.endsWith(MEM)) {
            throw new StorageException("the H2 URL " + url + " opens a new, private in-memory database on every "
                    + "connection, so the batchcall schema cannot outlive the connection that created it: name the "
                    + "database and keep it open, e.g. jdbc:h2:mem:batchcall;DB_CLOSE_DELAY=-1", false, null);
        }
        Optional<String> delay = Sql.first(c, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'DB_CLOSE_DELAY'", rs -> rs.getString(1));
        if (!delay.map(String::strip).filter("-1"::equals).isPresent()) {
            throw new StorageException("the H2 URL " + url + " names an in-memory database that H2 drops when its "
                    + "last connection closes (DB_CLOSE_DELAY is " + delay.orElse("0, the default") + "), so the "
                    + "batchcall schema and every batch would vanish between connections: add ;DB_CLOSE_DELAY=-1 to "
                    + "the URL (" + url + ";DB_CLOSE_DELAY=-1), or use a file database (jdbc:h2:./batchcall)",
                    false, null);
        }
    }
}
