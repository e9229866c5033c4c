package io.batchcall.model;

import java.util.regex.Pattern;

/**
 * The host application's account (tenant) that owns batches, concurrency slots and credit.
 * 1 to 128 characters of letters, digits and {@code . _ : @ -}.
 */
public record AccountId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public AccountId {
        if (value == null) {
            throw new IllegalArgumentException("account id must not be null");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("account id must be 1-128 characters of letters, digits and . _ : @ -, but was '"
                    + value + "'");
        }
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
