package io.batchcall.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds reads of the wall clock in Java source: {@code Instant.now()}, {@code LocalDate.now()},
 * {@code LocalTime.now()}, {@code LocalDateTime.now()}, {@code ZonedDateTime.now()},
 * {@code OffsetDateTime.now()}, {@code System.currentTimeMillis()}, their method references
 * ({@code Instant::now}) and static imports. Comments, string and character literals and text
 * blocks are ignored. {@code System.nanoTime()} is allowed: it measures durations, not time.
 */
final class WallClockDetector {

    private static final String TYPES =
            "(?:Instant|LocalDateTime|ZonedDateTime|OffsetDateTime|LocalDate|LocalTime)";
    private static final Pattern WALL_CLOCK = Pattern.compile(
            "\\b" + TYPES + "\\s*(?:\\.\\s*now\\s*\\(|::\\s*now\\b)"
            + "|\\bSystem\\s*(?:\\.\\s*currentTimeMillis\\s*\\(|::\\s*currentTimeMillis\\b)"
            + "|\\bimport\\s+static\\s+java\\.time\\." + TYPES + "\\.(?:now|\\*)\\s*;"
            + "|\\bimport\\s+static\\s+java\\.lang\\.System\\.(?:currentTimeMillis|\\*)\\s*;");

    private WallClockDetector() {
    }

    /** One-based numbers of the lines of {@code source} that read the wall clock. */
    static List<Integer> offendingLines(String source) {
        String[] lines = codeOnly(source).split("\n", -1);
        List<Integer> offending = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (WALL_CLOCK.matcher(lines[i]).find()) {
                offending.add(i + 1);
            }
        }
        return offending;
    }

    /** {@code source} with comments and literals blanked out; line breaks are kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = blankUntil(source, i, source.indexOf('\n', i), 0, out);
            } else if (source.startsWith("/*", i)) {
                i = blankUntil(source, i, source.indexOf("*/", i + 2), 2, out);
            } else if (source.startsWith("\"\"\"", i)) {
                i = blankUntil(source, i, source.indexOf("\"\"\"", i + 3), 3, out);
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                i = blankUntil(source, i, literalEnd(source, i), 1, out);
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Blanks {@code source[from, end + closerLength)} (to the end if {@code end < 0}). */
    private static int blankUntil(String source, int from, int end, int closerLength,
            StringBuilder out) {
        int stop = end < 0 ? source.length() : end + closerLength;
        for (int j = from; j < stop; j++) {
            out.append(source.charAt(j) == '\n' ? '\n' : ' ');
        }
        return stop;
    }

    /** Index of the quote closing the string or char literal opened at {@code start}. */
    private static int literalEnd(String source, int start) {
        char quote = source.charAt(start);
        for (int j = start + 1; j < source.length(); j++) {
            char c = source.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote || c == '\n') {
                return j;
            }
        }
        return -1;
    }
}
