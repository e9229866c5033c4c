package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The fast path returns what libphonenumber's parse returns, or nothing. */
class FastPhoneParserTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = List.copyOf(new TreeSet<>(UTIL.getSupportedRegions()));
    /** Default regions: every region, and ZZ (numbers must carry a country code). */
    private static final List<String> DEFAULTS = withZz();

    @Test
    void exampleNumbersOfEveryRegionTypeAndFormatParseTheSame() {
        PhoneNumberFormat[] formats = PhoneNumberFormat.values();
        qt().withExamples(4_000).forAll(Generate.pick(REGIONS), Generate.enumValues(PhoneNumberType.class),
                integers().between(0, 1_000 * formats.length - 1), Generate.pick(DEFAULTS))
                .checkAssert((numberRegion, type, formatAndVariation, defaultRegion) -> {
                    Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(numberRegion, type);
                    if (example == null) {
                        return;
                    }
                    int variation = formatAndVariation / formats.length;
                    String text = UTIL.format(example, formats[formatAndVariation % formats.length]);
                    String varied = text.length() > 6 && Character.isDigit(text.charAt(text.length() - 1))
                            ? text.substring(0, text.length() - 3) + String.format("%03d", variation) : text;
                    assertSameAsParse(varied, defaultRegion);
                    assertSameAsParse(text, defaultRegion);
                });
    }

    @Test
    void arbitraryDigitsAndSeparatorsParseTheSame() {
        Gen<String> pieces = Generate.pick(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "011",
                " ", "-", ".", "(", ")", "/", "+", "44", "1", "49", "39", "7", "8", "0"));
        qt().withExamples(4_000).forAll(lists().of(pieces).ofSizeBetween(1, 18), Generate.pick(DEFAULTS))
                .checkAssert((parts, region) -> assertSameAsParse(String.join("", parts), region));
    }

    @Test
    void theCommonShapesTakeTheFastPath() {
        FastPhoneParser fast = new FastPhoneParser(UTIL, "US");
        for (String text : List.of("+14155552671", "+1 (415) 555-2671", "(415) 555-2671", "415-555-2671",
                "415.555.2671", "+44 7911 123456", "+49 30 1234567", "+33 6 12 34 56 78", "+39 06 1234 5678",
                "+61 412 345 678")) {
            assertThat(fast.parse(text)).as(text).isNotNull();
        }
        FastPhoneParser gb = new FastPhoneParser(UTIL, "GB");
        assertThat(gb.parse("07911 123456")).as("a trunk prefix to strip: parse's job").isNull();
        assertThat(fast.parse("1 415 555 2671")).as("country code without +: parse's job").isNull();
        assertThat(fast.parse("011 44 7911 123456")).as("international prefix: parse's job").isNull();
        assertThat(fast.parse("+800 1234 5678")).as("non-geographic: parse's job").isNull();
        assertThat(fast.parse("415 555 2671 ext 3")).isNull();
    }

    private static List<String> withZz() {
        List<String> regions = new ArrayList<>(REGIONS);
        regions.add("ZZ");
        return regions;
    }

    private static void assertSameAsParse(String text, String region) {
        Phonenumber.PhoneNumber fast = new FastPhoneParser(UTIL, region).parse(text);
        if (fast == null) {
            return;
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(text, region);
        } catch (NumberParseException e) {
            throw new AssertionError("'" + text + "' in " + region + ": fast path gave " + fast + " but parse threw "
                    + e.getErrorType());
        }
        assertThat(fast.exactlySameAs(parsed)).as("'%s' in %s: fast %s, parse %s", text, region, fast, parsed)
                .isTrue();
    }
}
