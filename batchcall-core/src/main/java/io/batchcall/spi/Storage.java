package io.batchcall.spi;

/**
 * The storage port: where batches, recipients, call attempts and the event log live. One backend
 * usually implements all four parts on one database, so that the engine's guarded updates and the
 * event log stay consistent. Every part must be safe for use from many threads and, for shared
 * databases, from many engine nodes at once.
 */
public interface Storage {
    BatchStore batches();

    RecipientStore recipients();

    CallStore calls();

    EventLog events();
}
