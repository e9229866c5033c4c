package io.batchcall.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.PhoneNumber;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NumberZonesTest {
    @Test
    void aGeographicalNumberHasItsOwnZoneAndAMobileItsCountrysZones() {
        assertThat(NumberZones.of(PhoneNumber.of("+18083213000"))).as("a Honolulu landline")
                .containsExactly(ZoneId.of("Pacific/Honolulu"));
        assertThat(NumberZones.of(PhoneNumber.of("+493012345678"))).containsExactly(ZoneId.of("Europe/Berlin"));
        assertThat(NumberZones.keyOf(PhoneNumber.of("+14155552671"))).isEqualTo("America/Los_Angeles");
    }
}
