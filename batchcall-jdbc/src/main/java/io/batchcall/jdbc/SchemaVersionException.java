package io.batchcall.jdbc;

import io.batchcall.StorageException;

/**
 * The database schema does not match this library: not installed, missing migrations, or newer
 * than this library knows. The message says which scripts to run or that the library must be
 * upgraded. Not retryable.
 */
public class SchemaVersionException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** The schema version found in the database; 0 when not installed. */
    private final int installed;
    /** The schema version this library needs. */
    private final int required;

    /**
     * A schema mismatch.
     *
     * @param message what is wrong and what to do
     * @param installed the version found, 0 when not installed
     * @param required the version this library needs
     */
    public SchemaVersionException(String message, int installed, int required) {
        super(message, false, null);
        this.installed = installed;
        this.required = required;
    }

    /**
     * The version found in the database; 0 when the schema is not installed.
     *
     * @return the installed version
     */
    public int installed() {
        return installed;
    }

    /**
     * The version this library needs.
     *
     * @return the required version
     */
    public int required() {
        return required;
    }
}
