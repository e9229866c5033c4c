package io.batchcall.twilio;

import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.Telephony;
import io.batchcall.testkit.TelephonyContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/** The shared carrier contract, run against {@link TwilioTelephony} and a fake Twilio. */
class TwilioTelephonyContractTest extends TelephonyContract {
    private FakeTwilio twilio;
    private TwilioStatusCallbacks callbacks;

    @Override
    protected Telephony newTelephony(Consumer<CallStatusUpdate> sink) {
        try {
            twilio = new FakeTwilio();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        callbacks = TwilioStatusCallbacks.create(FakeTwilio.SID, FakeTwilio.TOKEN, u -> {
            sink.accept(u);
            return true;
        });
        return twilio.builder().build();
    }

    @Override
    protected void completeAllCalls() {
        twilio.completeAllCalls(callbacks);
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }
}
