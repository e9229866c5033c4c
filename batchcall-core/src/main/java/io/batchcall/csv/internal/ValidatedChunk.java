package io.batchcall.csv.internal;

import io.batchcall.csv.Rejection;
import io.batchcall.model.NewRecipient;

/**
 * The outcome of checking a chunk of rows, in row order: for each row either a recipient (with
 * its number as a {@code long} key for duplicate detection) or a rejection. Written by one
 * validating thread, then read by the importing thread.
 */
public final class ValidatedChunk {
    private final long[] lines;
    private final String[] rawPhones;
    private final long[] keys;
    private final NewRecipient[] recipients;
    private final Rejection[] rejections;
    private int size;

    ValidatedChunk(int capacity) {
        lines = new long[capacity];
        rawPhones = new String[capacity];
        keys = new long[capacity];
        recipients = new NewRecipient[capacity];
        rejections = new Rejection[capacity];
    }

    void accept(long line, String rawPhone, long key, NewRecipient recipient) {
        lines[size] = line;
        rawPhones[size] = rawPhone;
        keys[size] = key;
        recipients[size++] = recipient;
    }

    void reject(Rejection rejection) {
        lines[size] = rejection.line();
        rejections[size++] = rejection;
    }

    public int size() {
        return size;
    }

    public long line(int i) {
        return lines[i];
    }

    /** The rejection of row {@code i}, or null if it was accepted. */
    public Rejection rejection(int i) {
        return rejections[i];
    }

    public NewRecipient recipient(int i) {
        return recipients[i];
    }

    /** The E.164 digits of an accepted row's number, as a positive long. */
    public long key(int i) {
        return keys[i];
    }

    /** The phone cell of an accepted row as written in the file. */
    public String rawPhone(int i) {
        return rawPhones[i];
    }
}
