package io.batchcall.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchcall.model.Batch;
import io.batchcall.model.BatchId;
import io.batchcall.model.CallAttempt;
import io.batchcall.model.ConcurrencyPolicy;
import io.batchcall.model.NewRecipient;
import io.batchcall.model.Money;
import io.batchcall.model.Recipient;
import io.batchcall.model.RecipientId;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.StatusEvent;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ClaimRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CallStore#claim}: order, due time, the account cap across batches,
 * reserved slots, the batch limit, inbound calls, zone keys, and what a claim writes. Subclass it
 * and implement {@link #newStorage(java.time.Clock)}.
 */
public abstract class ClaimContract extends StorageContractSupport {

    private CallStore calls() {
        return storage.calls();
    }

    private ClaimRequest withZones(Batch b, int max, Set<String> zoneKeys) {
        return new ClaimRequest(b.id(), b.account(), policyOf(b), now(), now().plus(LEASE), "node-a", max,
                zoneKeys);
    }

    private static List<RecipientId> ids(List<Claim> claims) {
        return claims.stream().map(c -> c.recipient().id()).toList();
    }

    @Test
    void aClaimMakesTheRecipientCallingWithANewAttempt() {
        Batch b = running();
        Recipient r = addRecipients(b.id(), 0, 1).get(0);
        long cursor = storage.events().latest(ACCOUNT);
        Claim c = claimOne(b);

        Recipient claimed = c.recipient();
        assertThat(claimed.id()).isEqualTo(r.id());
        assertThat(claimed.status()).isEqualTo(RecipientStatus.CALLING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.lastAttempt()).isEqualTo(c.attempt().id());
        assertThat(claimed.reason()).isNull();
        assertThat(recipient(r.id())).isEqualTo(claimed);

        CallAttempt a = c.attempt();
        assertThat(a.recipientId()).isEqualTo(r.id());
        assertThat(a.batchId()).isEqualTo(b.id());
        assertThat(a.account()).isEqualTo(ACCOUNT);
        assertThat(a.number()).isEqualTo(1);
        assertThat(a.to()).isEqualTo(r.phone());
        assertThat(a.status()).isEqualTo(RecipientStatus.CALLING);
        assertThat(a.owner()).isEqualTo("node-a");
        assertThat(a.claimedAt()).isEqualTo(T0);
        assertThat(a.leaseUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(a.lastEventAt()).isEqualTo(T0);
        assertThat(a.providerCallId()).isNull();
        assertThat(a.placedAt()).isNull();
        assertThat(a.endedAt()).isNull();
        assertThat(a.talkTime()).isNull();
        assertThat(a.cost()).isNull();
        assertThat(a.reason()).isNull();
        assertThat(calls().attempt(a.id())).contains(a);
        assertThat(calls().attempts(r.id())).containsExactly(a);

        List<StatusEvent> events = eventsAfter(cursor);
        assertThat(events).hasSize(1);
        StatusEvent e = events.get(0);
        assertThat(e.status()).isEqualTo("calling");
        assertThat(e.recipientId()).isEqualTo(r.id());
        assertThat(e.attemptId()).isEqualTo(a.id());
        assertThat(e.batchId()).isEqualTo(b.id());
        assertThat(e.account()).isEqualTo(ACCOUNT);
        assertThat(e.at()).isEqualTo(T0);
        assertThat(claim(b, 5)).as("nothing left to claim").isEmpty();
    }

    @Test
    void claimsTheOldestDueFirstThenTheLowestId() {
        Batch b = running();
        List<Recipient> first = addRecipients(b.id(), 0, 3);
        List<Claim> claimed = claim(b, 3);
        assertThat(ids(claimed)).containsExactly(first.get(0).id(), first.get(1).id(), first.get(2).id());
        calls().release(ACCOUNT, claimed.get(0).attempt().id(), now(), "r0", now());
        calls().release(ACCOUNT, claimed.get(1).attempt().id(), now().minusSeconds(60), "r1", now());
        calls().release(ACCOUNT, claimed.get(2).attempt().id(), now().minusSeconds(120), "r2", now());
        List<Recipient> fresh = importAll(b.id(), List.of(NewRecipient.of(phone(50), ""), NewRecipient.of(phone(40), "")))
                .subList(3, 5);
        assertThat(ids(claim(b, 10))).containsExactly(fresh.get(0).id(), fresh.get(1).id(), first.get(2).id(),
                first.get(1).id(), first.get(0).id());
    }

    @Test
    void aRecipientDueInTheFutureWaits() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim c = claimOne(b);
        calls().release(c.attempt().account(), c.attempt().id(), now().plusSeconds(30), "carrier busy", now());
        assertThat(claim(b, 1)).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(claim(b, 1)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(claim(b, 1))).as("due exactly now").containsExactly(c.recipient().id());
    }

    @Test
    void claimsNoMoreThanAsked() {
        Batch b = running();
        addRecipients(b.id(), 0, 10);
        assertThat(claim(b, 3)).hasSize(3);
        assertThat(claim(b, 4)).hasSize(4);
        assertThat(claim(b, 10)).hasSize(3);
        assertThat(calls().activeCalls(b.id())).isEqualTo(10);
    }

    @Test
    void theAccountCapHoldsAcrossBatchesOfTheAccount() {
        ConcurrencyPolicy cap5 = ConcurrencyPolicy.of(5, 0);
        Batch a = running(ACCOUNT, cap5);
        Batch b = running(ACCOUNT, cap5);
        Batch other = running(OTHER_ACCOUNT, cap5);
        addRecipients(a.id(), 0, 10);
        addRecipients(b.id(), 0, 10);
        addRecipients(other.id(), 0, 10);
        assertThat(claim(a, 3)).hasSize(3);
        List<Claim> fromB = claim(b, 10);
        assertThat(fromB).hasSize(2);
        assertThat(claim(a, 10)).isEmpty();
        assertThat(claim(other, 10)).as("another account has its own cap").hasSize(5);
        assertThat(calls().activeCalls(ACCOUNT)).isEqualTo(5);
        assertThat(calls().activeCalls(a.id())).isEqualTo(3);
        assertThat(calls().activeCalls(b.id())).isEqualTo(2);

        calls().markPlaced(ACCOUNT, fromB.get(0).attempt().id(), "CA-1", now());
        assertThat(claim(a, 10)).as("a placed call still holds its slot").isEmpty();
        assertThat(carrier(fromB.get(0).attempt().id(), RecipientStatus.COMPLETED)).isTrue();
        assertThat(calls().activeCalls(ACCOUNT)).isEqualTo(4);
        assertThat(claim(a, 10)).as("a terminal status frees the slot").hasSize(1);
    }

    @Test
    void reservedSlotsStayFree() {
        Batch b = running(ACCOUNT, ConcurrencyPolicy.of(10, 3));
        addRecipients(b.id(), 0, 20);
        assertThat(claim(b, 100)).hasSize(7);
        assertThat(claim(b, 100)).isEmpty();
    }

    @Test
    void theBatchLimitCapsOneBatchOnly() {
        Batch limited = running(ACCOUNT, ConcurrencyPolicy.of(10, 0).withBatchLimit(2));
        Batch open = running(ACCOUNT, ConcurrencyPolicy.of(10, 0));
        addRecipients(limited.id(), 0, 5);
        addRecipients(open.id(), 0, 20);
        assertThat(claim(limited, 5)).hasSize(2);
        assertThat(claim(limited, 5)).isEmpty();
        assertThat(claim(open, 20)).hasSize(8);
    }

    @Test
    void aSmallerCeilingSeesTheWholeAccount() {
        Batch wide = running(ACCOUNT, ConcurrencyPolicy.of(10, 0));
        Batch reserving = running(ACCOUNT, ConcurrencyPolicy.of(10, 4));
        addRecipients(wide.id(), 0, 10);
        addRecipients(reserving.id(), 0, 10);
        assertThat(claim(wide, 5)).hasSize(5);
        assertThat(claim(reserving, 10)).as("ceiling 6 minus 5 active").hasSize(1);
        assertThat(claim(wide, 10)).hasSize(4);
    }

    @Test
    void inboundCallsTakeSlots() {
        Batch b = running(ACCOUNT, ConcurrencyPolicy.of(5, 0));
        addRecipients(b.id(), 0, 10);
        calls().setInboundCalls(ACCOUNT, 3);
        calls().setInboundCalls(OTHER_ACCOUNT, 5);
        assertThat(calls().activeCalls(ACCOUNT)).isEqualTo(3);
        assertThat(claim(b, 10)).hasSize(2);
        assertThat(calls().activeCalls(ACCOUNT)).isEqualTo(5);
        assertThat(calls().activeCalls(b.id())).isEqualTo(2);
        calls().setInboundCalls(ACCOUNT, 0);
        assertThat(claim(b, 10)).hasSize(3);
        calls().setInboundCalls(ACCOUNT, 9);
        assertThat(calls().activeCalls(ACCOUNT)).isEqualTo(14);
        assertThat(claim(b, 10)).isEmpty();
        assertThatThrownBy(() -> calls().setInboundCalls(ACCOUNT, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoneKeysLimitWhoIsClaimed() {
        Batch b = running();
        List<Recipient> rs = importAll(b.id(), List.of(new NewRecipient(phone(1), "", Map.of(), "Europe/Berlin"),
                new NewRecipient(phone(2), "", Map.of(), "America/New_York"),
                new NewRecipient(phone(3), "", Map.of(), ""),
                new NewRecipient(phone(4), "", Map.of(), "Europe/Berlin")));
        assertThat(calls().claim(withZones(b, 10, Set.of()))).isEmpty();
        assertThat(ids(calls().claim(withZones(b, 2, zones("Europe/Berlin", ""))))).containsExactly(rs.get(0).id(),
                rs.get(2).id());
        assertThat(ids(calls().claim(withZones(b, 10, zones("Asia/Kathmandu"))))).isEmpty();
        assertThat(ids(calls().claim(withZones(b, 10, null)))).containsExactly(rs.get(1).id(), rs.get(3).id());
    }

    @Test
    void anUnknownBatchHasNothingToClaim() {
        Batch b = running();
        ClaimRequest unknown = new ClaimRequest(BatchId.of(987_654_321L), ACCOUNT, policyOf(b), now(),
                now().plus(LEASE), "node-a", 5, null);
        assertThat(calls().claim(unknown)).isEmpty();
    }

    @Test
    void attemptNumbersCountDialsInTheRun() {
        Batch b = running();
        addRecipients(b.id(), 0, 1);
        Claim first = finishOne(b, RecipientStatus.BUSY);
        assertThat(calls().settle(first.attempt().account(), first.attempt().id(), Money.usd("0.005"), now(), now())).isTrue();
        Claim second = claimOne(b);
        assertThat(second.attempt().number()).isEqualTo(2);
        assertThat(second.recipient().attempts()).isEqualTo(2);
        assertThat(second.attempt().id()).isGreaterThan(first.attempt().id());
        assertThat(calls().attempts(first.recipient().id())).extracting(CallAttempt::id)
                .containsExactly(first.attempt().id(), second.attempt().id());
    }
}
