package io.batchcall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void phoneNumbersAreE164() {
        assertThat(PhoneNumber.of("+14155552671").e164()).isEqualTo("+14155552671");
        assertThat(PhoneNumber.parse("(415) 555-2671", "US").e164()).isEqualTo("+14155552671");
        assertThat(PhoneNumber.parse("030 1234567", "DE").e164()).isEqualTo("+49301234567");
        assertThat(PhoneNumber.parse("+44 20 7946 0958", "US").e164()).isEqualTo("+442079460958");
        assertThatThrownBy(() -> PhoneNumber.of("4155552671")).hasMessageContaining("starting with '+'");
        assertThatThrownBy(() -> PhoneNumber.of("+1415555")).hasMessageContaining("not a valid number");
        assertThatThrownBy(() -> PhoneNumber.parse("call me", "US")).hasMessageContaining("'call me'");
        assertThatThrownBy(() -> new PhoneNumber("+0123")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> PhoneNumber.parse(" ", "US")).hasMessageContaining("blank");
    }

    @Test
    void idsArePositive() {
        assertThatThrownBy(() -> BatchId.of(0)).hasMessage("batch id must be positive, but was 0");
        assertThatThrownBy(() -> AccountId.of("a b")).hasMessageContaining("'a b'");
        assertThat(AccountId.of("acme-1").toString()).isEqualTo("acme-1");
    }

    @Test
    void concurrencyDefaultsToTwentyAndNeverClamps() {
        ConcurrencyPolicy p = ConcurrencyPolicy.ofDefaults();
        assertThat(p.accountCap()).isEqualTo(20);
        assertThat(p.batchLimit()).isEqualTo(20);
        assertThat(ConcurrencyPolicy.of(20, 5).batchLimit()).isEqualTo(15);
        assertThatThrownBy(() -> ConcurrencyPolicy.of(20, 20)).hasMessageContaining("reserved")
                .hasMessageContaining("20");
        assertThatThrownBy(() -> ConcurrencyPolicy.of(20, 0).withBatchLimit(25))
                .hasMessage("batchLimit must be between 1 and accountCap - reserved (20), but was 25");
        assertThatThrownBy(() -> ConcurrencyPolicy.of(0, 0)).hasMessage("cap must be between 1 and 100000, but was 0");
    }

    @Test
    void theAccountsLimitsAndTheBatchsOwnLimitCombine() {
        AccountLimits limits = new AccountLimits(20, 5);
        assertThat(AccountLimits.ofDefaults()).isEqualTo(new AccountLimits(20, 0));
        assertThat(ConcurrencyPolicy.of(limits, null).batchLimit()).isEqualTo(15);
        assertThat(ConcurrencyPolicy.of(limits, 4).batchLimit()).isEqualTo(4);
        assertThat(ConcurrencyPolicy.of(limits, 40).batchLimit()).as("the account's ceiling binds").isEqualTo(15);
        assertThatThrownBy(() -> new AccountLimits(10, 10))
                .hasMessage("reserved must be between 0 and cap - 1 (9), but was 10");
        BatchSpec.Builder spec = BatchSpec.builder("x", AccountId.of("a"), PhoneNumber.of("+14155552000"),
                io.batchcall.schedule.CallWindow.always(java.time.ZoneId.of("UTC")));
        assertThatThrownBy(() -> spec.batchLimit(0).build())
                .hasMessage("batchLimit must be between 1 and 100000 when given, but was 0");
        assertThat(spec.batchLimit(null).build().batchLimit()).isNull();
    }

    @Test
    void freeSlotsNeverLetTheAccountPassItsCeiling() {
        qt().forAll(integers().between(1, 200), integers().between(0, 199), integers().between(0, 250),
                integers().between(0, 250))
                .check((cap, r, accountActive, batchActive) -> {
                    int reserved = r % cap;
                    ConcurrencyPolicy p = ConcurrencyPolicy.of(cap, reserved);
                    int free = p.freeSlots(accountActive, Math.min(batchActive, accountActive));
                    return free >= 0 && accountActive + free <= Math.max(accountActive, cap - reserved)
                            && Math.min(batchActive, accountActive) + free <= Math.max(batchActive, p.batchLimit());
                });
    }

    @Test
    void retryPolicyCountsAttempts() {
        RetryPolicy r = RetryPolicy.on(Set.of(RecipientStatus.BUSY), 3, Duration.ofMinutes(5));
        assertThat(r.shouldRetry(RecipientStatus.BUSY, 1)).isTrue();
        assertThat(r.shouldRetry(RecipientStatus.BUSY, 3)).isFalse();
        assertThat(r.shouldRetry(RecipientStatus.NO_ANSWER, 1)).isFalse();
        assertThatThrownBy(() -> RetryPolicy.on(Set.of(RecipientStatus.COMPLETED), 2, Duration.ZERO))
                .hasMessageContaining("completed");
        assertThatThrownBy(() -> RetryPolicy.on(Set.of(), 0, Duration.ZERO)).hasMessageContaining("maxAttempts");
    }
}
