package io.batchcall.jdbc;

import io.batchcall.StorageException;

/**
 * The database schema does not match this library: not installed, missing migrations, or newer
 * than this library knows. The message says which scripts to run or that the library must be
 * upgraded. Not retryable.
 */
public class SchemaVersionException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final int installed;
    private final int required;

    public SchemaVersionException(String message, int installed, int required) {
        super(message, false, null);
        this.installed = installed;
        this.required = required;
    }

    /** The version found in the database; 0 when the schema is not installed. */
    public int installed() {
        return installed;
    }

    /** The version this library needs. */
    public int required() {
        return required;
    }
}
