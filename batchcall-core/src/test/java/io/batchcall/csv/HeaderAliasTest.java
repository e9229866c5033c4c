package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.csv.internal.HeaderNames;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every accepted header name, written the ways people write it. */
class HeaderAliasTest {
    static Stream<String> phoneAliases() {
        return HeaderNames.PHONE.stream();
    }

    @ParameterizedTest
    @MethodSource("phoneAliases")
    void everyPhoneAliasIsFoundInAnySpelling(String alias) {
        for (String spelling : new String[] {alias, alias.toUpperCase(), " " + alias.replace('_', ' ') + " ",
            alias.replace('_', '-'), titleCase(alias)}) {
            Imports i = Imports.ofText("Name," + spelling + ",City\nAda,+1 415 555 2671,Paris\n", Imports.US);
            assertThat(i.report.columns().phone()).as(spelling).isEqualTo(spelling.strip());
            assertThat(i.numbers()).containsExactly("+14155552671");
            assertThat(i.report.columns().variables()).containsExactly("City");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone number", "Phone Number", "PHONE_NUMBER", "phone-number", "Phone #", "  phone  "})
    void separatorsCaseAndPunctuationDoNotMatter(String header) {
        Imports i = Imports.ofText(header + "\n+14155552671\n", Imports.US);
        assertThat(i.report.columns().phone()).isEqualTo(header.strip());
        assertThat(i.report.accepted()).isEqualTo(1);
    }

    @Test
    void theFirstAliasInOrderOfPreferenceWinsAndTheOthersAreVariables() {
        Imports i = Imports.ofText("Cell,Mobile,Telephone,Phone Number\n+1 212 555 0100,+1 310 555 0199,"
                + "+1 617 555 0123,+1 415 555 2671\n", Imports.US);
        assertThat(i.report.columns().phone()).isEqualTo("Phone Number");
        assertThat(i.numbers()).containsExactly("+14155552671");
        assertThat(i.report.columns().variables()).containsExactly("Cell", "Mobile", "Telephone");

        Imports j = Imports.ofText("Tel,Mobile Phone,Mobile\n+1 212 555 0100,+1 310 555 0199,+1 617 555 0123\n",
                Imports.US);
        assertThat(j.report.columns().phone()).isEqualTo("Mobile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "Name", "Full Name", "contact_name"})
    void nameAliases(String header) {
        Imports i = Imports.ofText("phone," + header + ",First Name\n+14155552671,Ada Lovelace,Augusta\n",
                Imports.US);
        assertThat(i.names()).containsExactly("Ada Lovelace");
        assertThat(i.report.columns().name()).containsExactly(header);
        assertThat(i.session.added.get(0).variables()).containsExactly(java.util.Map.entry("First Name", "Augusta"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_name,last_name", "First Name,Last Name", "FirstName,LastName",
        "given name,family name", "first-name,surname"})
    void firstAndLastName(String headers) {
        Imports i = Imports.ofText("phone," + headers + "\n+14155552671,Ada,Lovelace\n+12125550100,,Hopper\n"
                + "+13105550199,Grace,\n+16175550123,,\n", Imports.US);
        assertThat(i.names()).containsExactly("Ada Lovelace", "Hopper", "Grace", "");
        assertThat(i.report.columns().name()).containsExactly(headers.split(","));
        // kept as variables too, so a call script can greet by first name
        assertThat(i.session.added.get(0).variables()).containsOnlyKeys(headers.split(","));
    }

    @Test
    void onlyAFirstOrOnlyALastNameColumn() {
        assertThat(Imports.ofText("phone,first name\n+14155552671,Ada\n", Imports.US).names()).containsExactly("Ada");
        assertThat(Imports.ofText("phone,last name\n+14155552671,Lovelace\n", Imports.US).names())
                .containsExactly("Lovelace");
        Imports none = Imports.ofText("phone,company\n+14155552671,Engines\n", Imports.US);
        assertThat(none.names()).containsExactly("");
        assertThat(none.report.columns().name()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timezone", "Time Zone", "TZ", "time_zone"})
    void timezoneAliases(String header) {
        Imports i = Imports.ofText("phone," + header + "\n+14155552671,Europe/Berlin\n", Imports.US);
        assertThat(i.report.columns().timezone()).isEqualTo(header);
        assertThat(i.session.added.get(0).zoneKey()).isEqualTo("Europe/Berlin");
        assertThat(i.session.added.get(0).variables()).isEmpty();
    }

    private static String titleCase(String alias) {
        StringBuilder out = new StringBuilder();
        for (String word : alias.split("_")) {
            out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1));
        }
        return out.toString();
    }
}
