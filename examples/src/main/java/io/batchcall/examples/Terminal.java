package io.batchcall.examples;

import java.io.PrintStream;

/**
 * Event lines scrolling above one live status line. On an interactive terminal
 * ({@link System#console()} present) the status line is redrawn in place with a carriage return
 * and an ANSI erase-line; otherwise (a pipe, a file, CI) it is printed as an ordinary line when it
 * changes, at most every {@code plainEveryMillis}. Thread-safe.
 */
final class Terminal {
    private static final String ERASE_LINE = "\r\u001b[2K";

    private final PrintStream out;
    private final boolean live;
    private final long plainEveryMillis;
    private String status = "";
    private String statusKey = "";
    private String printedKey = "";
    private long printedAt = Long.MIN_VALUE / 2;

    Terminal(PrintStream out, boolean live, long plainEveryMillis) {
        this.out = out;
        this.live = live;
        this.plainEveryMillis = plainEveryMillis;
    }

    /** Standard output, live when it is an interactive terminal. */
    static Terminal standard() {
        return new Terminal(System.out, System.console() != null, 2_000);
    }

    /** Prints a line above the status line. */
    synchronized void line(String text) {
        if (live) {
            out.print(ERASE_LINE + text + "\n" + status);
        } else {
            out.println(text);
        }
        out.flush();
    }

    /**
     * Replaces the status line (live), or prints it if {@code key} — what the line says, without
     * what changes anyway, such as a clock — changed and enough time passed (plain).
     */
    synchronized void status(String text, String key, long nowMillis) {
        status = text;
        statusKey = key;
        if (live) {
            out.print(ERASE_LINE + text);
            out.flush();
        } else if (!key.equals(printedKey) && nowMillis - printedAt >= plainEveryMillis) {
            printPlain(nowMillis);
        }
    }

    /** Ends the status line: leaves it on screen (live) or prints its last state once (plain). */
    synchronized void finish(long nowMillis) {
        if (live) {
            out.println();
        } else if (!statusKey.equals(printedKey)) {
            printPlain(nowMillis);
        }
        out.flush();
    }

    private void printPlain(long nowMillis) {
        out.println(status);
        printedKey = statusKey;
        printedAt = nowMillis;
    }
}
