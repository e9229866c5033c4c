package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {
    @Test
    void behavesLikeAHashSet() {
        // small values collide often; large ones cover the whole range of E.164 keys
        qt().forAll(lists().of(longs().between(1, 200).mix(longs().between(1, 999_999_999_999_999L)))
                .ofSizeBetween(0, 2_000))
                .checkAssert(values -> {
                    LongHashSet set = new LongHashSet();
                    Set<Long> reference = new HashSet<>();
                    for (long v : values) {
                        assertThat(set.add(v)).isEqualTo(reference.add(v));
                    }
                    assertThat(set.size()).isEqualTo(reference.size());
                    for (long probe = 1; probe <= 250; probe++) {
                        assertThat(set.contains(probe)).isEqualTo(reference.contains(probe));
                    }
                    values.forEach(v -> assertThat(set.contains(v)).isTrue());
                });
    }

    @Test
    void growsPastAMillionSequentialKeys() {
        LongHashSet set = new LongHashSet();
        long base = 12_122_000_000L;
        for (long i = 0; i < 1_200_000; i++) {
            assertThat(set.add(base + i)).isTrue();
        }
        assertThat(set.size()).isEqualTo(1_200_000);
        assertThat(set.add(base)).isFalse();
        assertThat(set.contains(base + 1_199_999)).isTrue();
        assertThat(set.contains(base - 1)).isFalse();
    }

    @Test
    void onlyPositiveValues() {
        assertThatThrownBy(() -> new LongHashSet().add(0)).hasMessage("value must be positive, but was 0");
        assertThat(List.of(E164Keys.key("+14155552671"), E164Keys.key("+999999999999999"), E164Keys.key("+12")))
                .containsExactly(14155552671L, 999_999_999_999_999L, 12L);
        for (String bad : new String[] {null, "", "+", "+0123", "14155552671", "+1415555267x", "+1234567890123456"}) {
            assertThat(E164Keys.key(bad)).as(bad).isEqualTo(-1);
        }
    }
}
