package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void standsStillUntilMoved() {
        MutableClock clock = MutableClock.at(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(T0.plusSeconds(90));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(90));
        clock.set(T0.minusSeconds(5));
        assertThat(clock.instant()).isEqualTo(T0.minusSeconds(5));
        assertThat(MutableClock.at("2025-03-10T12:00:00Z").instant()).isEqualTo(T0);
    }

    @Test
    void refusesToAdvanceBackwards() {
        MutableClock clock = MutableClock.at(T0);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void aZonedViewSharesTheTime() {
        MutableClock clock = MutableClock.at(T0);
        Clock kathmandu = clock.withZone(ZoneId.of("Asia/Kathmandu"));
        assertThat(kathmandu.getZone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(kathmandu.instant()).isEqualTo(T0.plusSeconds(60));
        ((MutableClock) kathmandu).advance(Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(120));
        assertThat(java.time.LocalTime.now(kathmandu)).isEqualTo(java.time.LocalTime.of(17, 47));
    }

    @Test
    void advancesFromManyThreadsAddUp() throws Exception {
        MutableClock clock = MutableClock.at(T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 1000; i++) {
            pool.execute(() -> clock.advance(Duration.ofMillis(1)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(1));
    }
}
