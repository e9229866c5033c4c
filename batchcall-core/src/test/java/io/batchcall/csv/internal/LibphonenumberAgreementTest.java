package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The guard for libphonenumber upgrades: over every region and generated digit strings (with and
 * without the country code, with the separators lists use), the fast parser returns exactly what
 * {@link PhoneNumberUtil#parse} returns whenever it answers, it answers for most well-formed input
 * (so the check is not vacuous), and every number the importer's normaliser accepts is a number
 * libphonenumber parses to the same E.164 and calls valid. A metadata change that breaks one of
 * the fast parser's assumptions fails here.
 */
class LibphonenumberAgreementTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = List.copyOf(new TreeSet<>(UTIL.getSupportedRegions()));
    private static final List<String> SEPARATORS = List.of("", "", "", " ", "-", ".", "/");

    /** A region, whether the text carries +country code, and the national digits with separators. */
    record Sample(String region, boolean international, String text) {
    }

    private static Gen<Sample> samples() {
        Gen<List<Integer>> digits = lists().of(integers().between(0, 9)).ofSizeBetween(2, 15);
        Gen<List<String>> separators = lists().of(Generate.pick(SEPARATORS)).ofSize(15);
        return Generate.pick(REGIONS).zip(Generate.booleans(), digits, separators, (region, international, ds, seps) -> {
            StringBuilder text = new StringBuilder(international ? "+" + UTIL.getCountryCodeForRegion(region) + " " : "");
            for (int i = 0; i < ds.size(); i++) {
                text.append(ds.get(i)).append(i < ds.size() - 1 ? seps.get(i) : "");
            }
            return new Sample(region, international, text.toString());
        });
    }

    /** Realistic digits: each region's example numbers with their last four digits varied. */
    private static Gen<Sample> realistic() {
        return Generate.pick(REGIONS).zip(Generate.booleans(), integers().between(0, 9_999), (region, intl, last) -> {
            Phonenumber.PhoneNumber example = UTIL.getExampleNumber(region);
            if (example == null) {
                return new Sample(region, intl, "+1 415 555 2671");
            }
            String text = UTIL.format(example, intl ? PhoneNumberFormat.INTERNATIONAL : PhoneNumberFormat.NATIONAL);
            return new Sample(region, intl, text.length() > 6 ? text.substring(0, text.length() - 4)
                    + String.format("%04d", last) : text);
        });
    }

    @Test
    void theFastParserAgreesWithParseAcrossRegionsAndDigitStrings() {
        AtomicLong answered = new AtomicLong();
        AtomicLong wellFormed = new AtomicLong();
        qt().withExamples(6_000).withShrinkCycles(500).forAll(samples().mix(realistic(), 50)).checkAssert(s -> {
            Phonenumber.PhoneNumber fast = new FastPhoneParser(UTIL, s.region()).parse(s.text());
            Phonenumber.PhoneNumber parsed = parseOrNull(s.text(), s.region());
            if (parsed != null && UTIL.isValidNumber(parsed)) {
                wellFormed.incrementAndGet();
                answered.addAndGet(fast == null ? 0 : 1);
            }
            if (fast != null) {
                assertThat(parsed).as("'%s' in %s: the fast parser gave %s, parse refused it", s.text(), s.region(),
                        fast).isNotNull();
                assertThat(fast.exactlySameAs(parsed)).as("'%s' in %s: fast %s, parse %s", s.text(), s.region(), fast,
                        parsed).isTrue();
            }
        });
        // the fast path must stay the common path for valid numbers, or the agreement above proves little
        assertThat(answered.get()).as("fast answers among %s valid numbers", wellFormed.get())
                .isGreaterThan(wellFormed.get() / 2);
    }

    @Test
    void everyNumberTheNormaliserAcceptsIsValidForLibphonenumber() {
        qt().withExamples(3_000).forAll(samples().mix(realistic(), 50)).checkAssert(s -> {
            PhoneNormalizer.Result result = new PhoneNormalizer(UTIL, s.region()).normalize(s.text());
            if (!result.ok()) {
                return;
            }
            Phonenumber.PhoneNumber parsed = parseOrNull(s.text(), s.region());
            assertThat(parsed).as("'%s' in %s accepted as %s", s.text(), s.region(), result.e164()).isNotNull();
            assertThat(UTIL.isValidNumber(parsed)).as("'%s' in %s", s.text(), s.region()).isTrue();
            assertThat(UTIL.format(parsed, PhoneNumberFormat.E164)).isEqualTo(result.e164());
        });
    }

    private static Phonenumber.PhoneNumber parseOrNull(String text, String region) {
        try {
            return UTIL.parse(text, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    @Test
    void everyRegionIsCovered() {
        assertThat(REGIONS).hasSizeGreaterThan(240);
        List<String> noExample = new ArrayList<>();
        REGIONS.forEach(r -> {
            if (UTIL.getExampleNumber(r) == null) {
                noExample.add(r);
            }
        });
        assertThat(noExample).as("regions without an example number").hasSizeLessThan(5);
    }
}
