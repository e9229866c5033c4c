package io.batchcall.csv;

import java.util.regex.Pattern;

/**
 * The rule every CSV that batchcall writes follows so that opening it in a spreadsheet cannot run
 * anything (OWASP "CSV Injection"): a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be read as a formula by Excel, LibreOffice or
 * Google Sheets, so it is written with a leading apostrophe ({@code '}) instead, which the
 * spreadsheet shows as text. {@code =HYPERLINK("http://evil.example")} becomes
 * {@code '=HYPERLINK("http://evil.example")}; {@code +14155552671} becomes {@code '+14155552671}.
 *
 * <p>One form is left as it is, because it is inert and is how spreadsheets are told to keep a
 * phone number as text: {@code ="…"} holding only digits, spaces and {@code + - ( ) .}, such as
 * {@code ="+14155552671"} (a formula whose only possible value is that text; the importer reads it
 * back as the number).
 *
 * <p>Apply it to every cell written, headers and values alike, then quote as CSV requires
 * (the quoting is the CSV writer's job). Stateless and thread-safe.
 */
public final class CsvCells {
    private static final Pattern TEXT_FORCED_NUMBER = Pattern.compile("=\"[0-9 +\\-().]*\"");

    private CsvCells() {
    }

    /**
     * {@code cell} made safe to open in a spreadsheet; null becomes {@code ""}.
     *
     * @param cell the cell's text; may be null
     * @return the text, prefixed so that a spreadsheet shows it as text when it is formula-like
     */
    public static String safe(String cell) {
        if (cell == null) {
            return "";
        }
        return isFormulaLike(cell) ? "'" + cell : cell;
    }

    /**
     * Whether a spreadsheet could read {@code cell} as a formula (see the class comment).
     *
     * @param cell the cell's text; may be null
     * @return true when the text could be read as a formula
     */
    public static boolean isFormulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return trigger && !TEXT_FORCED_NUMBER.matcher(cell).matches();
    }
}
