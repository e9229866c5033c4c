package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the migration scripts from {@code io/batchcall/jdbc/migrations/}: the {@code INDEX} file
 * lists them in order, and a file of the same name in the dialect's folder replaces the common one.
 */
public final class MigrationScripts {
    public static final String FOLDER = "io/batchcall/jdbc/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    private MigrationScripts() {
    }

    /** One versioned script, with {@code ${prefix}} still in it. */
    public record Script(int version, String fileName, String sql) {
        /** The SQL with the table prefix filled in. */
        public String sql(String prefix) {
            return sql.replace("${prefix}", prefix);
        }

        /** The statements, split at semicolons that end a line, without comment lines. */
        public List<String> statements(String prefix) {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : sql(prefix).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    out.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                out.add(current.toString().strip());
            }
            return out;
        }
    }

    public static List<Script> load(Dialect dialect) {
        List<Script> scripts = new ArrayList<>();
        for (String line : read(FOLDER + "INDEX").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("migration index lists '" + name + "', not a V000__name.sql file");
            }
            int version = Integer.parseInt(m.group(1));
            if (version != scripts.size() + 1) {
                throw new IllegalStateException("migration " + name + " should be version " + (scripts.size() + 1));
            }
            String override = FOLDER + dialect.migrationFolder() + "/" + name;
            String sql = exists(override) ? read(override) : read(FOLDER + name);
            scripts.add(new Script(version, name, sql));
        }
        return scripts;
    }

    private static boolean exists(String resource) {
        return MigrationScripts.class.getClassLoader().getResource(resource) != null;
    }

    private static String read(String resource) {
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in batchcall-jdbc");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
