package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportOptionsTest {
    @Test
    void defaults() {
        ImportOptions d = ImportOptions.ofDefaults();
        assertThat(d.defaultRegion()).isEqualTo("US");
        assertThat(d.maxRows()).isEqualTo(Long.MAX_VALUE);
        assertThat(d.maxVariables()).isEqualTo(100);
        assertThat(d.maxFieldLength()).isEqualTo(1_000);
        assertThat(d.maxRejectionsKept()).isEqualTo(10_000);
        assertThat(d.chunkSize()).isEqualTo(1_000);
        assertThat(d.validationThreads()).isBetween(1, 4);
        assertThat(d.toString()).contains("maxRows=unlimited", "defaultRegion=US");
    }

    @Test
    void fromKeepsEverythingNotChanged() {
        ImportOptions base = ImportOptions.custom().defaultRegion("gb").maxRows(10).maxVariables(3).maxFieldLength(50)
                .maxRejectionsKept(7).chunkSize(20).validationThreads(2).build();
        ImportOptions changed = ImportOptions.from(base).chunkSize(30).build();

        assertThat(base.defaultRegion()).isEqualTo("GB");
        assertThat(changed.toString()).isEqualTo(base.toString().replace("chunkSize=20", "chunkSize=30"));
    }

    @Test
    void badValuesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> ImportOptions.custom().defaultRegion("XX")).hasMessage(
                "defaultRegion must be an ISO 3166 region code known to libphonenumber (such as US or GB) or ZZ, "
                        + "but was 'XX'");
        assertThatThrownBy(() -> ImportOptions.custom().defaultRegion(null)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ImportOptions.custom().maxRows(0))
                .hasMessage("maxRows must be between 1 and 9223372036854775807, but was 0");
        assertThatThrownBy(() -> ImportOptions.custom().maxFieldLength(0))
                .hasMessage("maxFieldLength must be between 1 and 1000000, but was 0");
        assertThatThrownBy(() -> ImportOptions.custom().chunkSize(100_001))
                .hasMessage("chunkSize must be between 1 and 100000, but was 100001");
        assertThatThrownBy(() -> ImportOptions.custom().validationThreads(0))
                .hasMessage("validationThreads must be between 1 and 64, but was 0");
        assertThatThrownBy(() -> ImportOptions.custom().maxVariables(-1))
                .hasMessage("maxVariables must be between 0 and 10000, but was -1");
        assertThatThrownBy(() -> ImportOptions.custom().maxRejectionsKept(-1))
                .hasMessage("maxRejectionsKept must be between 0 and 10000000, but was -1");
    }

    @Test
    void zzRequiresCountryCodes() {
        Imports i = Imports.ofText("phone\n+14155552671\n4155552671\n447911123456\n",
                ImportOptions.custom().defaultRegion("ZZ").build());
        assertThat(i.numbers()).containsExactly("+14155552671");
        assertThat(i.rejections()).containsExactly(
                "3|phone|has no country code; write it with + and the country code (no default region is set)",
                "4|phone|has no country code; it is valid as +447911123456 — was the leading '+' lost (Excel)?");
    }
}
