package io.batchcall.api.internal;

/**
 * Writes CSV cells that are safe to open in a spreadsheet: each cell is neutralised by the core's
 * one rule ({@link io.batchcall.csv.CsvCells#safe}, OWASP "CSV Injection"), then cells holding the
 * delimiter, a quote or a line break are quoted (RFC 4180).
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** {@code value} neutralised and quoted as needed; null is an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return trusted(io.batchcall.csv.CsvCells.safe(value));
    }

    /**
     * A value batchcall produced or validated itself (an E.164 number, an id, an amount, a status):
     * quoted as needed but not prefixed, so {@code +14155550100} stays a phone number.
     */
    public static String trusted(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** One CSV line of neutralised cells, ending in CRLF. */
    public static String line(Iterable<String> cells) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(cell(c));
        }
        return b.append("\r\n").toString();
    }
}
