package io.batchcall;

import io.batchcall.internal.Contacts;
import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.policy.SuppressionImport;
import io.batchcall.spi.Erasure;
import io.batchcall.spi.Suppression;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's contact data: the suppression (do-not-call) list, checked before every dial of
 * every batch of the account on every node, and the erasure of a number. Reached through
 * {@link AccountCalls#contacts()}. Immutable and thread-safe.
 *
 * <p>Every method throws {@link UnsupportedOperationException} when the storage keeps no contact
 * data (the in-memory and JDBC storages both do).
 */
public final class AccountContacts {
    private final Contacts contacts;
    private final AccountId account;

    AccountContacts(Contacts contacts, AccountId account) {
        this.contacts = contacts;
        this.account = account;
    }

    /**
     * Adds a number to the account's suppression list (source {@code host}); no batch of the account
     * dials it from the next claim on: a pending recipient with it ends {@code skipped}, reason
     * {@code do_not_call}. A number already listed keeps its first entry.
     *
     * @param phone the number; not null
     * @param reason why, 1-200 characters (e.g. {@code "asked not to be called"})
     * @return the entry on the list
     * @throws IllegalArgumentException if reason is blank or too long
     */
    public Suppression suppress(PhoneNumber phone, String reason) {
        return contacts.suppress(account, Objects.requireNonNull(phone, "phone must not be null"), reason, "host");
    }

    /**
     * Records that a called person opted out (e.g. an opt-out disposition on a call): the number is
     * suppressed for the whole account, source {@code opt_out}, so no later dial of any batch, on any
     * node, reaches it. Idempotent.
     *
     * @param phone the number; not null
     * @param detail what was recorded, kept as the reason (e.g. the disposition); null for a default
     */
    public void optOut(PhoneNumber phone, String detail) {
        contacts.optOut(account, Objects.requireNonNull(phone, "phone must not be null"), detail);
    }

    /**
     * Removes a number from the account's suppression list.
     *
     * @param phone the number; not null
     * @return whether it was on the list
     */
    public boolean unsuppress(PhoneNumber phone) {
        return contacts.unsuppress(account, Objects.requireNonNull(phone, "phone must not be null"));
    }

    /**
     * The account's suppression entry for a number.
     *
     * @param phone the number; not null
     * @return the entry, or empty when the number is not listed
     */
    public Optional<Suppression> suppression(PhoneNumber phone) {
        return Optional.ofNullable(contacts.suppression(account, Objects.requireNonNull(phone, "phone must not be null")));
    }

    /**
     * Loads a large suppression list (a CSV with a phone column named as for recipient imports, or one
     * number per line) in bounded memory, 10,000 numbers per write. Numbers are normalised as a
     * recipient import does; invalid ones are reported, not guessed. Entries get source
     * {@code import}. Loading the same list twice adds nothing the second time.
     *
     * @param csv the list's bytes (UTF-8); read to the end, not closed
     * @param defaultRegion ISO 3166 region for numbers without a country code, e.g. {@code US}
     * @param reason the reason of every entry, 1-200 characters
     * @return how many numbers were read, added, already listed and rejected
     * @throws io.batchcall.csv.CsvImportException if the stream cannot be read (entries written so
     *     far stay)
     */
    public SuppressionImport importSuppressions(InputStream csv, String defaultRegion, String reason) {
        return contacts.load(account, Objects.requireNonNull(csv, "csv must not be null"),
                Objects.requireNonNull(defaultRegion, "defaultRegion must not be null"), reason);
    }

    /**
     * Erases a number from every batch of the account: recipients, attempts and events lose the
     * number, name, variables, zone and reasons (a pending recipient is skipped, reason
     * {@code erased}); counts, costs and the ledger are kept. If the number is on the suppression
     * list it stays suppressed, by a hash only.
     *
     * @param phone the number; not null
     * @return what was erased
     */
    public Erasure erase(PhoneNumber phone) {
        return contacts.erase(account, Objects.requireNonNull(phone, "phone must not be null"));
    }
}
