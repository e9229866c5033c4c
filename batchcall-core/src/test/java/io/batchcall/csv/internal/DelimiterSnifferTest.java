package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimiterSnifferTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "phone,name,city | ,",
        "phone;name;city | ;",
        "'phone\tname\tcity' | '\t'",
        "phone | ,",
        "'\"a;b\",c' | ,",          // a delimiter inside quotes does not count
        "'a;b,c;d' | ;",             // most frequent wins
        "'a,b;c' | ,",               // ties: , before ;
        "'\uFEFFphone;name' | ;",    // the BOM is consumed
        "'\n\n  \nphone;name' | ;",  // leading blank lines are skipped
    })
    void detects(String header, char expected) throws IOException {
        BufferedReader in = new BufferedReader(new StringReader(header.replace("\\n", "\n") + "\nx,y;z\n"));
        assertThat(DelimiterSniffer.sniff(in, 1024).delimiter()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"sep=; | ;", "SEP=, | ,"})
    void excelSepLineIsHonouredAndConsumed(String first, char expected) throws IOException {
        BufferedReader in = new BufferedReader(new StringReader(first + "\r\nphone,name\r\n"));
        DelimiterSniffer.Sniffed sniffed = DelimiterSniffer.sniff(in, 1024);

        assertThat(sniffed.delimiter()).isEqualTo(expected);
        assertThat(sniffed.linesConsumed()).isEqualTo(1);
        assertThat(in.readLine()).isEqualTo("phone,name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"phone,name", "'\uFEFFphone,name'"})
    void leavesTheReaderAtTheHeader(String header) throws IOException {
        BufferedReader in = new BufferedReader(new StringReader(header + "\n"));
        DelimiterSniffer.sniff(in, 1024);
        assertThat(in.readLine()).isEqualTo("phone,name");
    }
}
