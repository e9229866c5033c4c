package io.batchcall.csv.internal;

import io.batchcall.csv.Rejection;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.PhoneNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks rows and builds recipients: cell length, row shape, control and bidi characters in names
 * and variables ({@link TextRules}), number, time zone; then name and variables. A row gets one rejection, for the first problem found. Cells are stripped of
 * surrounding white space, and Excel's text-forcing {@code ="…"} wrapper is removed. Cells
 * missing at the end of a short row count as empty. One per validating thread (see
 * {@link PhoneNormalizer}); the {@link ZoneResolver} may be shared.
 */
public final class RowValidator {
    private final HeaderLayout layout;
    private final int maxFieldLength;
    private final PhoneNormalizer phones;
    private final ZoneResolver zones;

    public RowValidator(HeaderLayout layout, int maxFieldLength, PhoneNormalizer phones, ZoneResolver zones) {
        this.layout = layout;
        this.maxFieldLength = maxFieldLength;
        this.phones = phones;
        this.zones = zones;
    }

    public ValidatedChunk validate(List<RawRow> rows) {
        ValidatedChunk out = new ValidatedChunk(rows.size());
        for (RawRow row : rows) {
            validate(row, out);
        }
        return out;
    }

    private void validate(RawRow row, ValidatedChunk out) {
        long line = row.line();
        String[] cells = row.cells();
        String[] clean = new String[layout.columns];
        RawRow.Problem problem = row.problem();
        for (int i = 0; i < cells.length; i++) {
            if (problem != null && problem.cell() == i) {
                out.reject(rejection(row, problem));
                return;
            }
            String value = clean(cells[i]);
            if (value.length() > maxFieldLength) {
                out.reject(new Rejection(line, layout.header(i), value, "value is " + value.length()
                        + " characters long, more than maxFieldLength " + maxFieldLength));
                return;
            }
            if (i < clean.length) {
                clean[i] = value;
            } else if (!value.isEmpty()) {
                out.reject(new Rejection(line, "", value, "the row has " + row.cellCount() + " cells but the header has "
                        + layout.columns + " columns; is a delimiter inside a value that is not quoted?"));
                return;
            }
            String unsafe = i == layout.phone || i == layout.timezone ? null : TextRules.problem(value);
            if (unsafe != null) {
                out.reject(new Rejection(line, layout.header(i), TextRules.visible(value), "column '"
                        + layout.header(i) + "' " + unsafe));
                return;
            }
        }
        if (problem != null) {
            out.reject(rejection(row, problem));
            return;
        }
        for (int i = cells.length; i < clean.length; i++) {
            clean[i] = "";
        }
        String rawPhone = clean[layout.phone];
        PhoneNormalizer.Result phone = phones.normalize(rawPhone);
        if (!phone.ok()) {
            out.reject(new Rejection(line, layout.header(layout.phone), rawPhone, phone.reason()));
            return;
        }
        String zoneKey;
        if (layout.timezone >= 0 && !clean[layout.timezone].isEmpty()) {
            zoneKey = ZoneResolver.zoneFromCell(clean[layout.timezone]);
            if (zoneKey == null) {
                out.reject(new Rejection(line, layout.header(layout.timezone), clean[layout.timezone],
                        "not an IANA time zone id (such as America/New_York or Europe/Berlin)"));
                return;
            }
        } else {
            zoneKey = zones.zoneForNumber(phone.number(), phone.type(), phone.e164());
        }
        Map<String, String> variables = new LinkedHashMap<>(layout.variableIndexes.length * 4 / 3 + 1);
        for (int v = 0; v < layout.variableIndexes.length; v++) {
            variables.put(layout.variableKeys[v], clean[layout.variableIndexes[v]]);
        }
        String e164 = phone.e164();
        NewRecipient recipient = new NewRecipient(new PhoneNumber(e164), name(clean), variables, zoneKey);
        out.accept(line, rawPhone, E164Keys.key(e164), recipient);
    }

    private Rejection rejection(RawRow row, RawRow.Problem problem) {
        if (problem.length() >= 0) {
            return new Rejection(row.line(), layout.header(problem.cell()), problem.value(), "value is "
                    + problem.length() + " characters long, more than maxFieldLength " + maxFieldLength);
        }
        return new Rejection(row.line(), "", problem.value(), "the row has " + row.cellCount()
                + " cells but the header has " + layout.columns + " columns; is a delimiter inside a value that is "
                + "not quoted?");
    }

    private String name(String[] clean) {
        if (layout.name >= 0) {
            return clean[layout.name];
        }
        String first = layout.first >= 0 ? clean[layout.first] : "";
        String last = layout.last >= 0 ? clean[layout.last] : "";
        return first.isEmpty() ? last : last.isEmpty() ? first : first + " " + last;
    }

    /** Strips white space and unwraps {@code ="…"}, which Excel users write to keep a cell as text. */
    static String clean(String cell) {
        String value = cell.strip();
        if (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\"")) {
            value = value.substring(2, value.length() - 1).strip();
        }
        return value;
    }
}
