package io.batchcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.batchcall.model.AccountId;
import io.batchcall.spi.SubscriptionKey;
import io.batchcall.spi.SubscriptionState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may deliver: a lease is taken over only when free or expired, and kept by its holder. */
class LeaseRulesTest {
    private static final SubscriptionKey KEY = new SubscriptionKey("crm", AccountId.of("acme"));
    private static final Instant T = Instant.parse("2026-03-02T14:00:00Z");

    @Test
    void aFreeOrReleasedLeaseIsTaken() {
        assertThat(LeaseRules.decide(SubscriptionState.fresh(KEY, 0), "a", T)).isEqualTo(LeaseRules.Decision.TAKE);
    }

    @Test
    void theDecisionDependsOnlyOnOwnerAndExpiry() {
        qt().withExamples(1000).forAll(integers().between(-100, 100), integers().between(0, 2))
                .checkAssert((offset, who) -> {
                    String owner = who == 0 ? null : who == 1 ? "a" : "b";
                    Instant until = T.plusSeconds(offset);
                    SubscriptionState row = new SubscriptionState(KEY, owner, until, 3, 10, 0, null);
                    LeaseRules.Decision d = LeaseRules.decide(row, "a", T);
                    boolean valid = owner != null && offset > 0;
                    LeaseRules.Decision expected = !valid ? LeaseRules.Decision.TAKE
                            : owner.equals("a") ? LeaseRules.Decision.HOLD : LeaseRules.Decision.WAIT;
                    assertThat(d).isEqualTo(expected);
                });
    }

    @Test
    void aHolderRenewsOnceHalfTheLeaseIsGone() {
        Duration lease = Duration.ofSeconds(30);
        SubscriptionState row = new SubscriptionState(KEY, "a", T.plus(lease), 1, 0, 0, null);
        assertThat(LeaseRules.renewDue(row, T, lease)).isFalse();
        assertThat(LeaseRules.renewDue(row, T.plusSeconds(14), lease)).isFalse();
        assertThat(LeaseRules.renewDue(row, T.plusSeconds(15), lease)).isTrue();
    }
}
