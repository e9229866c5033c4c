package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import io.batchcall.model.ZoneKey;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.generators.Generate;

class PhoneNormalizerTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+14155552671 | US | +14155552671",
        "(415) 555-2671 | US | +14155552671",
        "1 415 555 2671 | US | +14155552671",
        "011 44 7911 123456 | US | +447911123456",
        "07911 123456 | GB | +447911123456",
        "7911 123456 | GB | +447911123456", // libphonenumber reads a national number without its 0 in GB
        "+44 (0) 7911 123456 | US | +447911123456",
        "030 1234567 | DE | +49301234567",
        "06 1234 5678 | IT | +390612345678",
        "+39 06 1234 5678 | US | +390612345678",
    })
    void validNumbers(String text, String region, String e164) {
        PhoneNormalizer.Result result = PhoneNormalizer.isolated(region).normalize(text);
        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(result.e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | US | phone is empty",
        "1.5551E+10 | US | looks like a number Excel converted to scientific notation",
        "1,5551E+10 | DE | looks like a number Excel converted to scientific notation",
        "4.41234e11 | US | looks like a number Excel converted to scientific notation",
        "14155552671.0 | US | looks like a number a spreadsheet stored as a decimal",
        "447911123456 | US | not valid for region US; it is valid as +447911123456 — was the leading '+' lost (Excel)?",
        "4930 1234567 | US | not valid for region US; it is valid as +49301234567 — was the leading '+' lost (Excel)?",
        "612345678 | IT | not valid for region IT; with a leading zero (0612345678) it is valid",
        "0044 7911 123456 | US | not valid for region US; written as +447911123456 it is valid",
        "+44 7911 123456 ext 12 | US | has an extension (12)",
        "+1 555 0100 | US | not a valid number for country code +1",
        "555 0100 | US | not a valid number for region US",
        "+999 1234567 | US | unknown country code",
        "4155552671 | ZZ | has no country code; write it with + and the country code",
        "n/a | US | not a phone number",
        "+49 2345 6789 0123 4567 89 | US | too long to be a phone number",
        "+1 415 555 2671 ::: +1 212 555 0100 | US | holds several numbers",
    })
    void rejectedNumbersSayWhy(String text, String region, String reason) {
        PhoneNormalizer.Result result = PhoneNormalizer.isolated(region).normalize(text);
        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).startsWith(reason);
    }

    /** The normaliser uses getNumberType != UNKNOWN as validity, and the zone resolver skips a reclassification. */
    @Test
    void shortcutsAgreeWithLibphonenumbersOwnAnswers() {
        PhoneNormalizer normalizer = PhoneNormalizer.isolated("US");
        ZoneResolver zones = new ZoneResolver();
        assertThat(zones.usesTable()).as("libphonenumber's time-zone data read directly").isTrue();
        PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
        List<String> regions = List.copyOf(new java.util.TreeSet<>(UTIL.getSupportedRegions()));
        qt().withExamples(5_000).forAll(Generate.pick(regions), Generate.enumValues(PhoneNumberType.class),
                integers().between(0, 99_999))
                .checkAssert((region, type, variation) -> {
                    Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                    if (example == null) {
                        return;
                    }
                    String e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
                    String varied = e164.substring(0, Math.max(4, e164.length() - 5))
                            + String.format("%05d", variation).substring(0, Math.min(5, e164.length() - 4));
                    PhoneNormalizer.Result result = normalizer.normalize(varied);
                    Phonenumber.PhoneNumber parsed = parse(varied);
                    assertThat(result.ok()).as(varied).isEqualTo(parsed != null && UTIL.isValidNumber(parsed));
                    if (result.ok()) {
                        assertThat(result.e164()).isEqualTo(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
                        List<ZoneId> expected = new ArrayList<>();
                        for (String id : mapper.getTimeZonesForNumber(parsed)) {
                            if (!id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                                expected.add(ZoneId.of(id));
                            }
                        }
                        assertThat(zones.zoneForNumber(result.number(), result.type(), result.e164())).as(varied)
                                .isEqualTo(ZoneKey.of(expected));
                    }
                });
    }

    @Test
    void timezoneCellsAreIanaIdsInAnyCase() {
        assertThat(ZoneResolver.zoneFromCell("asia/kathmandu")).isEqualTo("Asia/Kathmandu");
        assertThat(ZoneResolver.zoneFromCell("Australia/Lord_Howe")).isEqualTo("Australia/Lord_Howe");
        assertThat(ZoneResolver.zoneFromCell("UTC")).isEqualTo("UTC");
        assertThat(ZoneResolver.zoneFromCell("+05:45")).isNull();
        assertThat(ZoneResolver.zoneFromCell("Mars/Olympus")).isNull();
        assertThat(ZoneResolver.zoneFromCell("")).isNull();
    }

    private static Phonenumber.PhoneNumber parse(String text) {
        try {
            return UTIL.parse(text, "US");
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return null;
        }
    }
}
