package io.batchcall.csv.internal;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Finds the delimiter of a CSV file from its header line: whichever of {@code ,} {@code ;} and tab
 * occurs most often outside quotes (ties in that order; {@code ,} when none occurs). Excel's
 * {@code sep=X} first line is honoured and consumed. A leading byte-order mark is consumed.
 */
public final class DelimiterSniffer {
    private static final char[] CANDIDATES = {',', ';', '\t'};

    /**
     * The delimiter and how many lines were consumed ({@code sep=} line) before the text that the
     * parser should read.
     */
    public record Sniffed(char delimiter, int linesConsumed) {
    }

    private DelimiterSniffer() {
    }

    /** Reads ahead at most {@code lookahead} characters; leaves {@code in} at the header. */
    public static Sniffed sniff(BufferedReader in, int lookahead) throws IOException {
        in.mark(lookahead);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        in.mark(lookahead);
        int[] counts = new int[CANDIDATES.length];
        StringBuilder start = new StringBuilder();
        boolean quoted = false;
        boolean content = false;
        for (int read = 0; read < lookahead - 1; read++) {
            int c = in.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r') && content)) {
                break;
            }
            content |= !Character.isWhitespace(c);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int i = 0; i < CANDIDATES.length; i++) {
                    counts[i] += c == CANDIDATES[i] ? 1 : 0;
                }
            }
            if (content && start.length() < 6) {
                start.append((char) c);
            }
        }
        in.reset();
        if (start.length() == 5 && start.toString().regionMatches(true, 0, "sep=", 0, 4)) {
            skipLine(in);
            return new Sniffed(start.charAt(4), 1);
        }
        int best = 0;
        for (int i = 1; i < CANDIDATES.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return new Sniffed(CANDIDATES[best], 0);
    }

    private static void skipLine(BufferedReader in) throws IOException {
        int c = in.read();
        while (c >= 0 && c != '\n' && c != '\r') {
            c = in.read();
        }
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
        }
    }
}
