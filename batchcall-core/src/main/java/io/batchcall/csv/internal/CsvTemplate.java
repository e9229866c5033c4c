package io.batchcall.csv.internal;

/** The downloadable template; see {@code RecipientCsvImporter.csvTemplate()}. */
public final class CsvTemplate {
    private static final String[] HEADER = {"phone", "name", "timezone", "company"};
    private static final String[] EXAMPLE = {"=\"+14155552671\"", "Ada Lovelace", "America/Los_Angeles",
        "Analytical Engines"};

    private CsvTemplate() {
    }

    public static String text(char delimiter) {
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("delimiter must be ',', ';' or a tab, but was '" + delimiter + "'");
        }
        String d = String.valueOf(delimiter);
        return "\uFEFF" + String.join(d, safe(HEADER)) + "\r\n" + String.join(d, safe(EXAMPLE)) + "\r\n";
    }

    /** Every cell through the one rule for CSV that batchcall writes (the example number's {@code ="…"} is inert). */
    private static String[] safe(String[] cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = io.batchcall.csv.CsvCells.safe(cells[i]);
        }
        return out;
    }
}
