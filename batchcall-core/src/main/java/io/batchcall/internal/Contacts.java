package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.policy.SuppressionImport;
import io.batchcall.spi.ContactStore;
import io.batchcall.spi.Erasure;
import io.batchcall.spi.Storage;
import io.batchcall.spi.Suppression;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of contact data: suppression entries added by the host, by an import or by an
 * opt-out, erasure. Thread-safe; every write carries the engine clock's instant.
 */
public final class Contacts {
    private static final Logger LOG = LoggerFactory.getLogger(Contacts.class);
    /** The source of entries recorded from an opt-out disposition. */
    public static final String OPT_OUT = "opt_out";

    private final ContactStore store;
    private final Clock clock;

    Contacts(ContactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The storage's contact part, or null (logged once) when it keeps no contact data. */
    static ContactStore of(Storage storage) {
        try {
            return Objects.requireNonNull(storage.contacts(), "storage.contacts() returned null");
        } catch (UnsupportedOperationException e) {
            LOG.warn("{}: suppression lists are not checked and accounts with a frequency cap are not dialed",
                    e.getMessage());
            return null;
        }
    }

    /**
     * Adds a number to an account's suppression list.
     *
     * @param account the account
     * @param phone the number
     * @param reason why
     * @param source who asked ({@code host}, {@code import}, {@link #OPT_OUT})
     * @return the entry now on the list (the earlier one if the number was listed already)
     * @throws UnsupportedOperationException if the storage keeps no contact data
     */
    public Suppression suppress(AccountId account, PhoneNumber phone, String reason, String source) {
        Suppression entry = new Suppression(phone, reason, source, clock.instant());
        store().suppress(account, List.of(entry));
        Suppression stored = store().suppression(account, phone);
        return stored == null ? entry : stored;
    }

    /**
     * Records an opt-out disposition of a call: the number is suppressed for the whole account, so no
     * batch of the account dials it again, on any node. Idempotent. The outcomes code calls this when a
     * disposition with the opt-out flag is recorded.
     *
     * @param account the account of the call
     * @param phone the number that opted out
     * @param detail what was recorded (e.g. the disposition's name), kept as the reason
     * @throws UnsupportedOperationException if the storage keeps no contact data
     */
    public void optOut(AccountId account, PhoneNumber phone, String detail) {
        String reason = detail == null || detail.isBlank() ? "opted out on a call" : truncate(detail);
        suppress(account, phone, reason, OPT_OUT);
        LOG.info("account {}: number {} opted out and is suppressed", account, phone.masked());
    }

    /** Removes a number from an account's suppression list; whether it was on it. */
    public boolean unsuppress(AccountId account, PhoneNumber phone) {
        return store().unsuppress(account, phone);
    }

    /** The account's entry for a number, or null. */
    public Suppression suppression(AccountId account, PhoneNumber phone) {
        return store().suppression(account, phone);
    }

    /** Streams a list into the account's suppression list in chunks; see {@link SuppressionLoader}. */
    public SuppressionImport load(AccountId account, InputStream csv, String defaultRegion, String reason) {
        return new SuppressionLoader(store()).load(account, csv, defaultRegion, reason, "import", clock.instant());
    }

    /** Erases a number from every batch of the account; see {@link ContactStore#erase}. */
    public Erasure erase(AccountId account, PhoneNumber phone) {
        Erasure e = store().erase(account, phone, clock.instant());
        LOG.info("account {}: erased a number from {} recipients, {} attempts and {} events", account, e.recipients(),
                e.attempts(), e.events());
        return e;
    }

    private ContactStore store() {
        if (store == null) {
            throw new UnsupportedOperationException("this storage keeps no contact data");
        }
        return store;
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
