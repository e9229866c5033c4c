package io.batchcall.csv.internal;

import java.io.IOException;

/** The quoting of a row is broken: text after a closing quote, or the end of the file inside quotes. */
public final class MalformedCsvException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedCsvException(String message) {
        super(message);
    }
}
