package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.NotFoundException;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Batch;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.Money;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.Storage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Guarded status changes of attempts and recipients. */
abstract class TransitionsJdbcTest extends JdbcTestBase {
    private static CarrierUpdate update(RecipientStatus status, Instant at) {
        return new CarrierUpdate(status, at, null, status.isTerminal() ? Duration.ofMillis(61_500) : null,
                status == RecipientStatus.FAILED ? "carrier said no" : null);
    }

    private Claim claimOne(Storage s) {
        Batch b = ClaimJdbcTest.running(s, "acme", 5, 5, 3);
        return s.calls().claim(ClaimJdbcTest.request(b, 1, T0)).get(0);
    }

    @Test
    void carrierUpdatesApplyMonotonically() {
        Storage s = storage();
        Claim c = claimOne(s);
        AttemptId a = c.attempt().id();
        assertThat(s.calls().markPlaced(a, "CA42", T0.plusSeconds(1))).isTrue();
        assertThat(s.calls().markPlaced(a, "CA43", T0.plusSeconds(1))).isFalse();
        assertThat(s.calls().applyCarrierStatus(a, update(RecipientStatus.IN_PROGRESS, T0.plusSeconds(9)))).isPresent();
        assertThat(s.calls().applyCarrierStatus(a, update(RecipientStatus.RINGING, T0.plusSeconds(5)))).isEmpty();
        CallAttempt done = s.calls().applyCarrierStatus(a, update(RecipientStatus.COMPLETED, T0.plusSeconds(70)))
                .orElseThrow();
        assertThat(done.status()).isEqualTo(RecipientStatus.COMPLETED);
        assertThat(done.providerCallId()).isEqualTo("CA42");
        assertThat(done.placedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(70));
        assertThat(done.talkTime()).isEqualTo(Duration.ofMillis(61_500));
        assertThat(done.leaseUntil()).isNull();
        assertThat(s.calls().applyCarrierStatus(a, update(RecipientStatus.COMPLETED, T0.plusSeconds(71)))).isEmpty();
        assertThat(s.calls().applyCarrierStatus(a, update(RecipientStatus.FAILED, T0.plusSeconds(72)))).isEmpty();
        assertThat(s.recipients().find(c.recipient().id()).orElseThrow().status()).isEqualTo(RecipientStatus.COMPLETED);
        assertThat(s.calls().activeCalls(c.attempt().batchId())).isZero();
    }

    @Test
    void releaseGivesTheRecipientBackUndialed() {
        Storage s = storage();
        Claim c = claimOne(s);
        assertThat(s.calls().release(c.attempt().id(), T0.plusSeconds(30), "guard timeout", T0)).isTrue();
        assertThat(s.calls().release(c.attempt().id(), T0.plusSeconds(30), "again", T0)).isFalse();
        var r = s.recipients().find(c.recipient().id()).orElseThrow();
        assertThat(r.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(r.notBefore()).isEqualTo(T0.plusSeconds(30));
        assertThat(r.attempts()).isZero();
        CallAttempt a = s.calls().attempt(c.attempt().id()).orElseThrow();
        assertThat(a.status()).isEqualTo(RecipientStatus.SKIPPED);
        assertThat(a.reason()).isEqualTo("guard timeout");
    }

    @Test
    void undialedClaimsEndAndFinishedOnesRequeue() {
        Storage s = storage();
        Claim c = claimOne(s);
        assertThatThrownBy(() -> s.calls().finishUndialed(c.attempt().id(), RecipientStatus.BUSY, "x", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(s.calls().finishUndialed(c.attempt().id(), RecipientStatus.FAILED, "invalid number", T0)).isTrue();
        var r = s.recipients().find(c.recipient().id()).orElseThrow();
        assertThat(r.status()).isEqualTo(RecipientStatus.FAILED);
        assertThat(r.reason()).isEqualTo("invalid number");
        assertThat(s.calls().requeue(c.attempt().id(), T0.plusSeconds(300), T0)).isTrue();
        assertThat(s.recipients().find(c.recipient().id()).orElseThrow().status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(s.calls().requeue(c.attempt().id(), T0.plusSeconds(300), T0)).isFalse();
    }

    @Test
    void expiredClaimsAreTakenOverByOneNode() {
        Storage s = storage();
        Claim c = claimOne(s);
        Instant late = T0.plusSeconds(61);
        assertThat(s.calls().expiredClaims(T0.plusSeconds(59), 10)).isEmpty();
        assertThat(s.calls().expiredClaims(late, 10)).extracting(CallAttempt::id).containsExactly(c.attempt().id());
        assertThat(s.calls().takeOver(c.attempt().id(), "node-b", late, late.plusSeconds(60))).isTrue();
        assertThat(s.calls().takeOver(c.attempt().id(), "node-c", late, late.plusSeconds(60))).isFalse();
        assertThat(s.calls().attempt(c.attempt().id()).orElseThrow().owner()).isEqualTo("node-b");
    }

    @Test
    void staleCallsTouchAndCost() {
        Storage s = storage();
        Claim c = claimOne(s);
        AttemptId a = c.attempt().id();
        s.calls().markPlaced(a, "CA1", T0);
        assertThat(s.calls().staleCalls(T0.plusSeconds(1), 10)).extracting(CallAttempt::id).containsExactly(a);
        s.calls().touch(a, T0.plusSeconds(5));
        assertThat(s.calls().staleCalls(T0.plusSeconds(1), 10)).isEmpty();
        s.calls().recordCost(a, Money.usd("0.012345"));
        s.calls().recordCost(a, Money.usd("0.012345"));
        assertThat(s.calls().attempt(a).orElseThrow().cost()).isEqualTo(Money.usd("0.012345"));
        assertThat(s.calls().attempts(c.recipient().id())).hasSize(1);
        assertThatThrownBy(() -> s.calls().recordCost(AttemptId.of(9999), Money.usd("1")))
                .isInstanceOf(NotFoundException.class);
    }
}
