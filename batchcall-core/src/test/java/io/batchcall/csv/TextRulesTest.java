package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Control characters (but tab) and bidi controls are refused in names and variables, per row, naming the column. */
class TextRulesTest {
    @Test
    void controlAndBidiCharactersRejectTheirRowNamingTheColumn() {
        String csv = "phone,name,notes\n"
                + "+14155552671,Ada\u0000,x\n"
                + "+12125550100,Bob,\"two\r\nlines\"\n"
                + "+13105550199,\u202Etxt.exe,x\n"
                + "+13105550198,Cy,evil\u2066isolate\n"
                + "+13105550197,Di\u007F,x\n"
                + "+13105550196,Ed\u0085,x\n"
                + "+13105550195,\"Tab\tis fine\",\"ok\"\n";
        Imports i = Imports.ofText(csv, Imports.US);

        assertThat(i.report.accepted()).isEqualTo(1);
        assertThat(i.names()).containsExactly("Tab\tis fine");
        assertThat(i.rejections()).containsExactly(
                "2|name|column 'name' holds the control character U+0000 at position 4; names and variables may "
                        + "hold tabs but no other control characters",
                "3|notes|column 'notes' holds the control character U+000D at position 4 (a line break); names and "
                        + "variables may hold tabs but no other control characters",
                "5|name|column 'name' holds the bidirectional control character U+202E at position 1, which makes "
                        + "text display in another order than it is written; remove it",
                "6|notes|column 'notes' holds the bidirectional control character U+2066 at position 5, which makes "
                        + "text display in another order than it is written; remove it",
                "7|name|column 'name' holds the control character U+007F at position 3; names and variables may "
                        + "hold tabs but no other control characters",
                "8|name|column 'name' holds the control character U+0085 at position 3; names and variables may "
                        + "hold tabs but no other control characters");
        assertThat(i.report.rejections()).extracting(Rejection::value).containsExactly("Ada\\u0000",
                "two\\u000D\\u000Alines", "\\u202Etxt.exe", "evil\\u2066isolate", "Di\\u007F", "Ed\\u0085");
    }

    @Test
    void firstAndLastNameColumnsAreCheckedToo() {
        Imports i = Imports.ofText("phone,first name,last name\n+14155552671,Ada,Love\u202Dlace\n", Imports.US);

        assertThat(i.rejections()).singleElement().asString().startsWith("2|last name|column 'last name' holds the "
                + "bidirectional control character U+202D");
    }
}
