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
        return "\uFEFF" + String.join(d, HEADER) + "\r\n" + String.join(d, EXAMPLE) + "\r\n";
    }
}
