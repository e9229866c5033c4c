package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class StrictUtf8ReaderTest {
    private static final List<String> PIECES = List.of("a", "é", "€", "日本", "😀", "\n", "\r\n", "\r", ",", "\uFEFF");

    @Test
    void decodesAnyTextWhateverHowTheBytesArriveAndHowItIsRead() {
        qt().forAll(lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 300), integers().between(1, 7),
                integers().between(1, 9))
                .checkAssert((pieces, bytesPerRead, charsPerRead) -> {
                    String text = String.join("", pieces);
                    Reader reader = new StrictUtf8Reader(trickle(text.getBytes(StandardCharsets.UTF_8), bytesPerRead));
                    assertThat(readAll(reader, charsPerRead)).isEqualTo(text);
                });
    }

    @Test
    void invalidBytesFailWithLineAndCharacterAfterTheTextBeforeThem() throws IOException {
        byte[] bytes = "ab\r\ncd\ref\ngh\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xFF;
        broken[bytes.length + 1] = 'z';
        Reader reader = new StrictUtf8Reader(trickle(broken, 3));
        StringBuilder before = new StringBuilder();

        assertThatThrownBy(() -> {
            int c;
            while ((c = reader.read()) >= 0) {
                before.append((char) c);
            }
        }).isInstanceOfSatisfying(InvalidTextException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageStartingWith("line 4: bytes are not valid UTF-8 (0xFF at character 4)");
        assertThat(before.toString()).isEqualTo("ab\r\ncd\ref\ngh\u00e9");
    }

    @Test
    void aCharacterCutOffAtTheEndIsInvalid() {
        byte[] euro = "x€".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(euro, euro.length - 1);

        assertThatThrownBy(() -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(cut)), 10))
                .hasCauseInstanceOf(InvalidTextException.class)
                .hasMessageContaining("line 1: bytes are not valid UTF-8 (0xE2 0x82 at character 2)");
    }

    @Test
    void utf16IsRecognised() {
        byte[] utf16 = "\uFEFFphone".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(utf16)), 10))
                .hasMessageContaining("the file is UTF-16");
    }

    private static String readAll(Reader reader, int charsPerRead) {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[charsPerRead];
        try {
            int n;
            while ((n = reader.read(buf, 0, buf.length)) >= 0) {
                out.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A stream that hands out at most {@code perRead} bytes per read. */
    private static InputStream trickle(byte[] bytes, int perRead) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, perRead));
            }
        };
    }
}
