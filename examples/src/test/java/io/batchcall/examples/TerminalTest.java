package io.batchcall.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainOutputPrintsTheStatusAsALineOnlyWhenWhatItSaysChanges() {
        Terminal t = new Terminal(out, false, 1_000);
        t.status("1s 0/3 done", "0/3 done", 0);
        t.line("Ava -> completed");
        t.status("1s 1/3 done", "1/3 done", 300);        // changed, but too soon after the last line
        t.status("2s 1/3 done", "1/3 done", 1_500);
        t.status("3s 1/3 done", "1/3 done", 5_000);      // only the clock moved
        t.status("4s 2/3 done", "2/3 done", 5_200);
        t.status("4s 3/3 done", "3/3 done", 5_250);      // too soon: printed by finish
        t.finish(5_300);
        assertThat(printed().lines()).containsExactly("1s 0/3 done", "Ava -> completed", "2s 1/3 done",
                "4s 2/3 done", "4s 3/3 done");
    }

    @Test
    void aLiveTerminalRedrawsTheStatusInPlaceBelowTheEventLines() {
        Terminal t = new Terminal(out, true, 1_000);
        t.status("1s 0/3 done", "0/3 done", 0);
        t.line("Ava -> completed");
        t.status("2s 1/3 done", "1/3 done", 100);
        t.finish(200);
        assertThat(printed()).isEqualTo("\r\u001b[2K1s 0/3 done" + "\r\u001b[2KAva -> completed\n1s 0/3 done"
                + "\r\u001b[2K2s 1/3 done" + "\n");
    }
}
