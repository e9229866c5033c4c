package io.batchcall.model;

import java.util.regex.Pattern;

/**
 * The host application's account (tenant) that owns batches, concurrency slots and credit.
 * 1 to 128 characters of letters, digits and {@code . _ : @ -}.
 *
 * @param value the host's account key, 1 to 128 characters of letters, digits and {@code . _ : @ -}
 */
public record AccountId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    /**
     * Validates the components (see the record description).
     *
     * @param value the host's account key, 1 to 128 characters of letters, digits and {@code . _ : @ -}
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public AccountId {
        if (value == null) {
            throw new IllegalArgumentException("account id must not be null");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("account id must be 1-128 characters of letters, digits and . _ : @ -, but was '"
                    + value + "'");
        }
    }

    /**
     * The account with the given key.
     *
     * @param value 1 to 128 characters of letters, digits and {@code . _ : @ -}
     * @return the id
     * @throws IllegalArgumentException if value is null or breaks that rule
     */
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
