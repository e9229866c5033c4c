package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CallInfo;
import io.batchcall.spi.CallRequest;
import io.batchcall.spi.CallStatusUpdate;
import io.batchcall.spi.LookupRequest;
import io.batchcall.spi.PlacedCall;
import io.batchcall.spi.Telephony;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Telephony} adapter must do, run against a real or faked carrier. Subclasses
 * provide the adapter wired to a status sink, and a way to let the carrier's status events happen.
 */
public abstract class TelephonyContract {
    /** The account of every request. */
    protected static final AccountId ACCOUNT = AccountId.of("contract");
    /** The status updates the adapter delivered, in arrival order. */
    protected final List<CallStatusUpdate> received = new CopyOnWriteArrayList<>();
    private Telephony telephony;
    private long nextAttempt = 1000;

    /**
     * A fresh adapter whose status updates are passed to {@code sink}.
     *
     * @param sink receives the adapter's status updates
     * @return the adapter under test
     */
    protected abstract Telephony newTelephony(java.util.function.Consumer<CallStatusUpdate> sink);

    /** Lets the carrier finish every call placed so far and deliver its status events. */
    protected abstract void completeAllCalls();

    /**
     * A number the carrier accepts and whose call ends normally.
     *
     * @param i a distinct index per number
     * @return the callee number
     */
    protected PhoneNumber callee(int i) {
        return PhoneNumber.of(String.format("+1415555%04d", 2671 + i));
    }

    /** {@return the caller id of every request} */
    protected PhoneNumber caller() {
        return PhoneNumber.of("+14155552000");
    }

    @BeforeEach
    void setUpTelephony() {
        received.clear();
        telephony = newTelephony(received::add);
    }

    /**
     * A request to call {@link #callee(int)} from {@link #caller()}.
     *
     * @param i the callee's index
     * @return the request
     */
    protected CallRequest request(int i) {
        AttemptId attempt = AttemptId.of(nextAttempt++);
        return new CallRequest(attempt, BatchId.of(1), RecipientId.of(i + 1L), ACCOUNT, callee(i), caller(), "agent",
                "Recipient " + i, Map.of("order", "A-" + i), Duration.ofSeconds(30));
    }

    @Test
    void placeReturnsADistinctCallIdPerCall() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            PlacedCall placed = telephony.place(request(i));
            assertThat(placed.providerCallId()).isNotBlank();
            ids.add(placed.providerCallId());
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void lookupFindsAPlacedCallByAttemptAlone() {
        CallRequest r = request(1);
        PlacedCall placed = telephony.place(r);
        Optional<CallInfo> info = telephony.lookup(new LookupRequest(r.attemptId(), null, r.to(), r.from(),
                Instant.EPOCH));
        assertThat(info).isPresent();
        assertThat(info.get().providerCallId()).isEqualTo(placed.providerCallId());
        assertThat(info.get().status().isCarrierStatus()).isTrue();
    }

    @Test
    void lookupOfAnAttemptNeverPlacedIsEmpty() {
        CallRequest r = request(2);
        assertThat(telephony.lookup(new LookupRequest(r.attemptId(), null, r.to(), r.from(), Instant.EPOCH)))
                .isEmpty();
    }

    @Test
    void everyPlacedCallReachesATerminalStatusThroughTheSink() {
        List<CallRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(request(i));
            telephony.place(requests.get(i));
        }
        completeAllCalls();
        for (CallRequest r : requests) {
            List<CallStatusUpdate> mine = received.stream().filter(u -> u.attemptId().equals(r.attemptId())).toList();
            assertThat(mine).as("updates for %s", r.attemptId()).isNotEmpty();
            assertThat(mine).anyMatch(u -> u.status().isTerminal());
            assertThat(mine).allMatch(u -> u.status().isCarrierStatus());
        }
        CallRequest first = requests.get(0);
        Optional<CallInfo> after = telephony.lookup(new LookupRequest(first.attemptId(), null, first.to(),
                first.from(), Instant.EPOCH));
        assertThat(after).map(CallInfo::status).get().matches(RecipientStatus::isTerminal);
    }

    @Test
    void hangUpIsIdempotent() {
        PlacedCall placed = telephony.place(request(3));
        telephony.hangUp(placed.providerCallId());
        telephony.hangUp(placed.providerCallId());
        completeAllCalls();
        assertThat(received).anyMatch(u -> u.status().isTerminal());
    }
}
