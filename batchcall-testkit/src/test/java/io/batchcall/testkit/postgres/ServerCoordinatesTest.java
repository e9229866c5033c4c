package io.batchcall.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ServerCoordinatesTest {

    private static ServerCoordinates at(String url) {
        return new ServerCoordinates(url, "postgres", "", "test");
    }

    @Test
    void replacesTheDatabaseAndKeepsParameters() {
        assertThat(at("jdbc:postgresql://127.0.0.1:5432/postgres?ssl=false").urlFor("bc_x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/bc_x?ssl=false");
        assertThat(at("jdbc:postgresql://h1:1,h2:2/postgres").urlFor("bc_x"))
                .isEqualTo("jdbc:postgresql://h1:1,h2:2/bc_x");
        assertThat(at("jdbc:postgresql://localhost:5432").urlFor("bc_x"))
                .isEqualTo("jdbc:postgresql://localhost:5432/bc_x");
        assertThat(at("jdbc:postgresql://localhost/?a=b/c").urlFor("bc_x"))
                .isEqualTo("jdbc:postgresql://localhost/bc_x?a=b/c");
    }

    @Test
    void rejectsOtherDrivers() {
        assertThatThrownBy(() -> at("jdbc:h2:mem:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:h2:mem:x");
    }

    @Test
    void sessionZoneNeverFollowsTheJvmsRules() {
        assertThat(SessionZone.differentFrom(ZoneId.of("UTC"))).isEqualTo(ZoneId.of("Pacific/Chatham"));
        assertThat(SessionZone.differentFrom(ZoneId.of("NZ-CHAT"))).isEqualTo(ZoneId.of("Asia/Kathmandu"));
    }
}
