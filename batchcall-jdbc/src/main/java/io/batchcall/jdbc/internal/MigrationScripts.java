package io.batchcall.jdbc.internal;

import io.batchcall.jdbc.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the migration scripts of one dialect from {@code db/batchcall/<dialect>/} of this jar. Each
 * dialect folder is complete on its own (so Flyway pointed at it finds every version once): its
 * {@code INDEX} file lists the scripts in order, versions 1, 2, … without gaps.
 */
public final class MigrationScripts {
    /** The folder holding one sub-folder per dialect, as a class-path resource path. */
    public static final String ROOT = "db/batchcall/";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    private MigrationScripts() {
    }

    /** One versioned script, with {@code ${prefix}} still in it. */
    public record Script(int version, String fileName, String sql) {
        /** The SQL with the table prefix filled in. */
        public String sql(String prefix) {
            return sql.replace("${prefix}", prefix);
        }

        /**
         * SHA-256 (hex) of the file as shipped, line endings normalised to {@code \n} so a checkout
         * with CRLF endings does not change it; the table prefix plays no part.
         */
        public String checksum() {
            try {
                byte[] text = sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
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

    /** The resource folder of a dialect's scripts, e.g. {@code db/batchcall/postgresql/}. */
    public static String folder(Dialect dialect) {
        return ROOT + dialect.migrationFolder() + "/";
    }

    /** The dialect's scripts in order, as listed by its {@code INDEX}. */
    public static List<Script> load(Dialect dialect) {
        String folder = folder(dialect);
        List<Script> scripts = new ArrayList<>();
        for (String line : read(folder + "INDEX").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("migration index " + folder + "INDEX lists '" + name
                        + "', not a V000__name.sql file");
            }
            int version = Integer.parseInt(m.group(1));
            if (version != scripts.size() + 1) {
                throw new IllegalStateException("migration " + folder + name + " should be version "
                        + (scripts.size() + 1));
            }
            scripts.add(new Script(version, name, read(folder + name)));
        }
        return scripts;
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
