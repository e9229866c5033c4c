package io.batchcall.jdbc;

import static io.batchcall.jdbc.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.RecipientStatus;
import io.batchcall.spi.CarrierUpdate;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import io.batchcall.spi.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Claims: free slots of account and batch, order, zones, due times. */
abstract class ClaimJdbcTest extends JdbcTestBase {
    static ClaimRequest request(Batch b, int max, Instant now) {
        return new ClaimRequest(b.id(), b.account(), b.spec().concurrency(), now, now.plusSeconds(60), "node-a", max,
                null);
    }

    static Batch running(Storage s, String account, int cap, int batchLimit, int recipients) {
        Batch b = s.batches().create(new io.batchcall.model.NewBatch(Fixtures.spec(account, cap, batchLimit),
                io.batchcall.model.BatchStatus.RUNNING, null, -1, null, T0));
        Fixtures.importRecipients(s, b, recipients);
        return b;
    }

    @Test
    void claimsLowestIdsFirstUpToTheBatchLimit() {
        Storage s = storage();
        Batch b = running(s, "acme", 10, 3, 20);
        List<Claim> claims = s.calls().claim(request(b, 10, T0));
        assertThat(claims).hasSize(3);
        assertThat(claims).extracting(c -> c.recipient().phone()).containsExactly(Fixtures.phone(0),
                Fixtures.phone(1), Fixtures.phone(2));
        Claim first = claims.get(0);
        assertThat(first.recipient().status()).isEqualTo(RecipientStatus.CALLING);
        assertThat(first.recipient().attempts()).isEqualTo(1);
        assertThat(first.recipient().lastAttempt()).isEqualTo(first.attempt().id());
        assertThat(s.recipients().find(first.recipient().id())).contains(first.recipient());
        assertThat(s.calls().attempt(first.attempt().id())).contains(first.attempt());
        assertThat(first.attempt().leaseUntil()).isEqualTo(T0.plusSeconds(60));
        assertThat(s.calls().claim(request(b, 10, T0))).isEmpty();
        assertThat(s.calls().activeCalls(b.id())).isEqualTo(3);
        assertThat(s.calls().activeCalls(b.account())).isEqualTo(3);
    }

    @Test
    void theAccountCapCoversEveryBatchAndInboundCalls() {
        Storage s = storage();
        Batch one = running(s, "acme", 5, 5, 10);
        Batch two = running(s, "acme", 5, 5, 10);
        Batch other = running(s, "zeta", 5, 5, 10);
        s.calls().setInboundCalls(AccountId.of("acme"), 1);
        assertThat(s.calls().claim(request(one, 3, T0))).hasSize(3);
        assertThat(s.calls().claim(request(two, 3, T0))).hasSize(1);
        assertThat(s.calls().claim(request(other, 9, T0))).hasSize(5);
        assertThat(s.calls().activeCalls(AccountId.of("acme"))).isEqualTo(5);
        s.calls().setInboundCalls(AccountId.of("acme"), 0);
        assertThat(s.calls().claim(request(two, 3, T0))).hasSize(1);
    }

    @Test
    void onlyDueRecipientsInOpenZonesAreClaimed() {
        Storage s = storage();
        Batch b = running(s, "acme", 20, 20, 6);
        ClaimRequest berlinOnly = new ClaimRequest(b.id(), b.account(), b.spec().concurrency(), T0,
                T0.plusSeconds(60), "n", 20, Set.of("Europe/Berlin"));
        List<Claim> claims = s.calls().claim(berlinOnly);
        assertThat(claims).hasSize(3).allSatisfy(c -> assertThat(c.recipient().zoneKey()).isEqualTo("Europe/Berlin"));
        assertThat(s.calls().claim(new ClaimRequest(b.id(), b.account(), b.spec().concurrency(), T0,
                T0.plusSeconds(60), "n", 20, Set.of()))).isEmpty();
        Claim later = claims.get(0);
        s.calls().release(later.attempt().id(), T0.plusSeconds(600), "retry later", T0);
        List<Claim> now = s.calls().claim(request(b, 20, T0));
        assertThat(now).hasSize(3).noneMatch(c -> c.recipient().id().equals(later.recipient().id()));
        List<Claim> afterwards = s.calls().claim(request(b, 20, T0.plusSeconds(600)));
        assertThat(afterwards).extracting(c -> c.recipient().id()).containsExactly(later.recipient().id());
        assertThat(afterwards.get(0).attempt().number()).isEqualTo(1);
    }

    @Test
    void endedCallsFreeTheirSlots() {
        Storage s = storage();
        Batch b = running(s, "acme", 2, 2, 5);
        List<Claim> claims = s.calls().claim(request(b, 5, T0));
        assertThat(claims).hasSize(2);
        s.calls().markPlaced(claims.get(0).attempt().id(), "CA1", T0);
        s.calls().applyCarrierStatus(claims.get(0).attempt().id(), new CarrierUpdate(RecipientStatus.BUSY,
                T0.plusSeconds(5), null, Duration.ZERO, null));
        assertThat(s.calls().claim(request(b, 5, T0))).hasSize(1);
    }
}
