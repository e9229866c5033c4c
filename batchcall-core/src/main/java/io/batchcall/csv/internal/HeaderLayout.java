package io.batchcall.csv.internal;

import io.batchcall.csv.ColumnMapping;
import io.batchcall.csv.CsvImportException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which column of the file plays which part, decided once from the header. The phone column is
 * the first present of {@link HeaderNames#PHONE} in that order of preference; the name comes from
 * a name column or else first and last name; a time-zone column is consumed; every other column
 * with a header becomes a variable keyed by its header as written (first and last name too).
 * Immutable.
 */
public final class HeaderLayout {
    final int columns;
    final int phone;
    final int name;
    final int first;
    final int last;
    final int timezone;
    final int[] variableIndexes;
    final String[] variableKeys;
    final String[] headers;
    private final ColumnMapping mapping;

    private HeaderLayout(String[] headers, char delimiter, int phone, int name, int first, int last, int timezone,
            List<Integer> variables, List<String> keys, List<String> ignored) {
        this.headers = headers;
        this.columns = headers.length;
        this.phone = phone;
        this.name = name;
        this.first = first;
        this.last = last;
        this.timezone = timezone;
        this.variableIndexes = variables.stream().mapToInt(Integer::intValue).toArray();
        this.variableKeys = keys.toArray(new String[0]);
        List<String> nameColumns = new ArrayList<>();
        if (name >= 0) {
            nameColumns.add(headers[name]);
        } else {
            for (int i : new int[] {first, last}) {
                if (i >= 0) {
                    nameColumns.add(headers[i]);
                }
            }
        }
        this.mapping = new ColumnMapping(delimiter, headers[phone], nameColumns,
                timezone < 0 ? "" : headers[timezone], keys, ignored);
    }

    /**
     * Reads the header.
     *
     * @param cells the header row as parsed, BOM already removed
     * @param headerLine the line the header is on, for messages
     * @throws CsvImportException if there is no phone column or more variable columns than allowed
     */
    public static HeaderLayout of(String[] cells, char delimiter, long headerLine, int maxVariables,
            String defaultRegion) {
        String[] headers = new String[cells.length];
        String[] normalized = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            headers[i] = cells[i].strip();
            normalized[i] = HeaderNames.normalize(cells[i]);
        }
        int phone = firstOf(HeaderNames.PHONE, normalized);
        if (phone < 0) {
            throw noPhoneColumn(headers, headerLine, defaultRegion);
        }
        int name = firstOf(HeaderNames.NAME, normalized);
        int first = firstOf(HeaderNames.FIRST_NAME, normalized);
        int last = firstOf(HeaderNames.LAST_NAME, normalized);
        int timezone = firstOf(HeaderNames.TIMEZONE, normalized);
        List<Integer> variables = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < cells.length; i++) {
            if (i == phone || i == name || i == timezone) {
                continue;
            }
            if (headers[i].isEmpty()) {
                ignored.add("column " + (i + 1) + " (no header)");
                continue;
            }
            String key = headers[i];
            for (int n = 2; !used.add(key); n++) {
                key = headers[i] + " (" + n + ")";
            }
            variables.add(i);
            keys.add(key);
        }
        if (variables.size() > maxVariables) {
            throw new CsvImportException("line " + headerLine + ": the header has " + variables.size()
                    + " variable columns (columns other than phone, name and timezone), more than maxVariables "
                    + maxVariables + ": " + keys, headerLine);
        }
        return new HeaderLayout(headers, delimiter, phone, name, first, last, timezone, variables, keys, ignored);
    }

    /** The header as written (stripped) of column {@code index}, or {@code ""} beyond the header. */
    public String header(int index) {
        return index < headers.length ? headers[index] : "";
    }

    /** The number of columns of the header. */
    public int columns() {
        return columns;
    }

    public ColumnMapping mapping() {
        return mapping;
    }

    private static int firstOf(List<String> candidates, String[] normalized) {
        for (String candidate : candidates) {
            for (int i = 0; i < normalized.length; i++) {
                if (normalized[i].equals(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static CsvImportException noPhoneColumn(String[] headers, long line, String defaultRegion) {
        if (String.join("", headers).indexOf('\u0000') >= 0) {
            return new CsvImportException("line " + line + ": the header holds NUL characters: the file is probably "
                    + "UTF-16 without a byte-order mark, not UTF-8; save it as \"CSV UTF-8\" and upload it again", line);
        }
        for (String h : headers) {
            if (PhoneNormalizer.looksLikeValidNumber(h, defaultRegion)) {
                return new CsvImportException("line " + line + ": no phone column: the first line looks like data ('"
                        + h + "' is a phone number), not a header; add a header line with a column named "
                        + HeaderNames.phoneNamesForHumans(), line);
            }
        }
        return new CsvImportException("line " + line + ": no phone column: expected a column named "
                + HeaderNames.phoneNamesForHumans() + ", but the header was " + Arrays.toString(headers), line);
    }
}
