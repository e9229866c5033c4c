package io.batchcall.twilio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh {@link FakeTwilio} and a {@link TwilioTelephony} pointed at it for each test. */
abstract class FakeTwilioTest {
    protected FakeTwilio twilio;
    protected TwilioTelephony telephony;

    @BeforeEach
    void startFakeTwilio() throws Exception {
        twilio = new FakeTwilio();
        telephony = configure(twilio.builder()).build();
    }

    @AfterEach
    void stopFakeTwilio() {
        twilio.close();
    }

    /** Extra builder settings of a test class; none by default. */
    protected TwilioTelephonyBuilder configure(TwilioTelephonyBuilder builder) {
        return builder;
    }
}
