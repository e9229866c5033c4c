package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.Money;
import io.batchcall.model.Tariff;
import io.batchcall.spi.Capture;
import io.batchcall.spi.CreditLedger;
import java.time.Duration;

/** The engine's use of the ledger: one hold per attempt, keyed by the attempt id. */
final class Credit {
    private final CreditLedger ledger;
    private final Tariff tariff;

    Credit(CreditLedger ledger, Tariff tariff) {
        this.ledger = ledger;
        this.tariff = tariff;
    }

    static String key(AttemptId attempt) {
        return "attempt:" + attempt;
    }

    boolean hold(AccountId account, AttemptId attempt) {
        return ledger.hold(account, tariff.holdAmount(), key(attempt)).isPresent();
    }

    void release(AccountId account, AttemptId attempt) {
        ledger.release(account, key(attempt));
    }

    Capture capture(AccountId account, AttemptId attempt, Duration talkTime) {
        return ledger.capture(account, key(attempt), tariff.cost(talkTime));
    }

    /** Whether the account could pay for one more dial now. */
    boolean coversOneDial(AccountId account) {
        Money available = ledger.available(account, tariff.dialFee().currency());
        return available.isAtLeast(tariff.holdAmount());
    }
}
