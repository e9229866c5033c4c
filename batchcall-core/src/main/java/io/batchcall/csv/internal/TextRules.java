package io.batchcall.csv.internal;

/**
 * Characters refused in names and variables: control characters other than tab (C0, DEL, C1:
 * NUL breaks PostgreSQL text, CR and LF forge log lines) and the bidirectional embeddings,
 * overrides and isolates U+202A–U+202E and U+2066–U+2069, which make text display in another
 * order than it is stored (a name that reads differently on screen and in logs).
 */
public final class TextRules {
    private TextRules() {
    }

    /** Why {@code value} is refused ("holds …"), or null if it is fine. */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return "holds the control character " + code(c) + " at position " + (i + 1)
                        + (c == '\n' || c == '\r' ? " (a line break)" : "")
                        + "; names and variables may hold tabs but no other control characters";
            }
            if (isBidiControl(c)) {
                return "holds the bidirectional control character " + code(c) + " at position " + (i + 1)
                        + ", which makes text display in another order than it is written; remove it";
            }
        }
        return null;
    }

    /** Whether {@code c} is an embedding, override or isolate (U+202A–U+202E, U+2066–U+2069). */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code value} with refused characters written as {@code \}{@code uXXXX}, safe to show and log. */
    public static String visible(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (Character.isISOControl(c) || isBidiControl(c))) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String code(char c) {
        return String.format("U+%04X", (int) c);
    }
}
