package io.batchcall.policy;

import io.batchcall.model.AccountId;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How stores key a number without keeping it: the SHA-256 of the account and the E.164 number,
 * 64 hex digits. It lets a suppression entry outlive the erasure of its number, so a person who
 * asked both not to be called and to be forgotten is still never called. It is pseudonymous, not
 * anonymous: the space of phone numbers is small enough to be searched, so treat it as personal
 * data kept for the legal obligation to honour the objection.
 */
public final class NumberHash {
    /** The country code of erased numbers: +999 is reserved by the ITU and assigned to no one. */
    public static final String ERASED_PREFIX = "+999";

    private NumberHash() {
    }

    /**
     * The hash of a number in an account.
     *
     * @param account the account
     * @param phone the number
     * @return 64 lower-case hex digits
     */
    public static String of(AccountId account, PhoneNumber phone) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((account.value() + "\n" + phone.e164()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The number an erased recipient (and its attempts) carries instead of its own: {@code +999}
     * and the recipient id, unique within a batch and never a real number.
     *
     * @param recipient the erased recipient
     * @return the placeholder
     */
    public static PhoneNumber erasedPlaceholder(RecipientId recipient) {
        return new PhoneNumber(ERASED_PREFIX + recipient.value());
    }
}
