package io.batchcall.csv;

import java.util.List;
import java.util.Objects;

/**
 * How an import read the file's header: which column gave the number, the name and the time
 * zone, and which became variables. Headers are given as written in the file.
 *
 * @param delimiter the detected delimiter: {@code ,}, {@code ;} or a tab
 * @param phone the header of the phone column
 * @param name the column(s) the name came from: {@code [name]}, {@code [first, last]}, one of
 *     the two, or empty when there is none
 * @param timezone the header of the time-zone column, or {@code ""} when there is none (zones then
 *     come from the numbers)
 * @param variables the headers that became per-recipient variables, in file order; first and last
 *     name columns are among them, so a call script can greet by first name
 * @param ignored headers of columns that were not used: blank headers
 */
public record ColumnMapping(char delimiter, String phone, List<String> name, String timezone,
        List<String> variables, List<String> ignored) {
    /**
     * Validates the components (see the record description).
     *
     * @param delimiter the detected delimiter: {@code ,}, {@code ;} or a tab
     * @param phone the header of the phone column
     * @param name the column(s) the name came from: {@code [name]}, {@code [first, last]}, one of the two, or
     *     empty when there is none
     * @param timezone the header of the time-zone column, or {@code ""} when there is none (zones then come
     *     from the numbers)
     * @param variables the headers that became per-recipient variables, in file order; first and last name
     *     columns are among them, so a call script can greet by first name
     * @param ignored headers of columns that were not used: blank headers
     * @throws NullPointerException if phone is null
     */
    public ColumnMapping {
        Objects.requireNonNull(phone, "phone must not be null");
        name = List.copyOf(name);
        timezone = timezone == null ? "" : timezone;
        variables = List.copyOf(variables);
        ignored = List.copyOf(ignored);
    }
}
