package io.batchcall.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: bytes that are not UTF-8 end the read with an {@link InvalidTextException}
 * naming the line and character, instead of turning into replacement characters. The text before
 * the bad bytes is delivered first. A byte-order mark is passed on as {@code U+FEFF}. Line breaks
 * ({@code \n}, {@code \r\n} and a lone {@code \r}, as commons-csv counts them) are counted only to
 * name the line of an error. Not thread-safe.
 */
public final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
    private boolean started;
    private boolean endOfInput;
    private boolean flushed;
    private InvalidTextException pending;
    private long lineBreaks;
    private long column;
    private boolean lastWasCr;
    private int held = -1;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (held >= 0) {
            buf[off] = (char) held;
            held = -1;
            return 1;
        }
        if (pending != null) {
            throw pending;
        }
        if (!started) {
            start();
        }
        if (len == 1) {
            return readOneOfTwo(buf, off);
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        int counted = off;
        while (out.position() == off && !flushed) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            counted = count(buf, counted, out.position());
            if (result.isError()) {
                pending = invalid(result.length());
                break;
            } else if (result.isOverflow()) {
                break;
            } else if (endOfInput) {
                decoder.flush(out);
                counted = count(buf, counted, out.position());
                flushed = true;
            } else if (out.position() == off) {
                fill();
            }
        }
        int n = out.position() - off;
        if (n > 0) {
            return n;
        }
        if (pending != null) {
            throw pending;
        }
        return -1;
    }

    /**
     * A one-char read: a supplementary character needs two chars of output, so decode into a pair
     * and keep the second for the next call.
     */
    private int readOneOfTwo(char[] buf, int off) throws IOException {
        char[] pair = new char[2];
        int n = read(pair, 0, 2);
        if (n > 0) {
            buf[off] = pair[0];
            held = n == 2 ? pair[1] : -1;
        }
        return n < 0 ? -1 : 1;
    }

    private void start() throws IOException {
        started = true;
        fill();
        if (bytes.remaining() >= 2) {
            int b0 = bytes.get(0) & 0xFF;
            int b1 = bytes.get(1) & 0xFF;
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                pending = new InvalidTextException(1, "line 1: the file is UTF-16 (Excel's \"Unicode Text\"), not "
                        + "UTF-8; save it as \"CSV UTF-8\" and upload it again");
                throw pending;
            }
        }
    }

    /** Reads more bytes after any undecoded tail (at most 3 bytes of a split character). */
    private void fill() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
    }

    private InvalidTextException invalid(int badLength) {
        long line = lineBreaks + 1;
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < badLength && bytes.position() + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return new InvalidTextException(line, "line " + line + ": bytes are not valid UTF-8 (" + hex
                + " at character " + (column + 1) + "); the file is probably in another encoding such as "
                + "Windows-1252 — save it as \"CSV UTF-8\" and upload it again");
    }

    /** Counts line breaks in {@code buf[from, to)}; returns {@code to}. */
    private int count(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (c == '\n') {
                if (!lastWasCr) {
                    lineBreaks++;
                }
                column = 0;
                lastWasCr = false;
            } else if (c == '\r') {
                lineBreaks++;
                column = 0;
                lastWasCr = true;
            } else {
                column++;
                lastWasCr = false;
            }
        }
        return to;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
