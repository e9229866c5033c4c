package io.batchcall.jdbc.internal;

import java.util.regex.Pattern;

/**
 * The table-name prefix. SQL is written with {@code {p}} before every table name
 * ({@code SELECT … FROM {p}batches}) and {@link #sql} puts the prefix in.
 */
public record Tables(String prefix) {
    private static final Pattern FORMAT = Pattern.compile("([a-z][a-z0-9_]{0,29})?");
    public static final String DEFAULT_PREFIX = "bc_";

    public Tables {
        if (prefix == null || !FORMAT.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be empty or 1-30 characters of lower-case letters, digits and _,"
                    + " starting with a letter, but was '" + prefix + "'");
        }
    }

    public String sql(String template) {
        return template.replace("{p}", prefix);
    }

    public String name(String table) {
        return prefix + table;
    }
}
