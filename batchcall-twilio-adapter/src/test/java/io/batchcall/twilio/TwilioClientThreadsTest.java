package io.batchcall.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * The REST client must not start a thread per exchange. The JDK client's public {@code sendAsync}
 * completes on the common pool, which on a machine with two cores or fewer (CI here, and many
 * containers) is a new thread for every completion.
 */
class TwilioClientThreadsTest extends FakeTwilioTest {
    @Test
    void twoHundredExchangesStartOnlyAFewThreads() {
        for (int i = 1; i <= 20; i++) { // connections and the client's own threads come up first
            telephony.place(Requests.call(i));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        for (int i = 21; i <= 220; i++) {
            telephony.place(Requests.call(i));
        }
        long started = threads.getTotalStartedThreadCount() - before;
        assertThat(started).as("threads started by 200 exchanges (the fake server's own included)").isLessThan(40);
    }
}
