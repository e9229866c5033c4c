package io.batchcall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored batch: its spec and where it stands. Immutable; stores return a new instance for every
 * change, with {@code version} incremented.
 *
 * @param id assigned by the store
 * @param spec what the user configured
 * @param status the current status
 * @param pauseReason why it is paused; null unless paused
 * @param failureReason why it failed; null unless failed
 * @param parentId the recurring series this run belongs to; null for a one-off batch or a parent
 * @param occurrence the index of the series occurrence this run is for; -1 when not a run
 * @param scheduledFor when a scheduled batch starts; null otherwise
 * @param createdAt when it was created
 * @param startedAt when it last went to running; null before
 * @param finishedAt when it last completed, was cancelled or failed; null otherwise
 * @param version optimistic-lock version, incremented by every stored change
 */
public record Batch(
        BatchId id,
        BatchSpec spec,
        BatchStatus status,
        PauseReason pauseReason,
        String failureReason,
        BatchId parentId,
        long occurrence,
        Instant scheduledFor,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long version) {

    public Batch {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    public AccountId account() {
        return spec.account();
    }

    /** Whether this batch is the parent (config and recipient template) of a recurring series. */
    public boolean isSeriesParent() {
        return spec.isRecurring() && parentId == null;
    }

    public boolean isSeriesRun() {
        return parentId != null;
    }

    public Batch withStatus(BatchStatus next, PauseReason reason) {
        return new Batch(id, spec, next, next == BatchStatus.PAUSED ? reason : null,
                next == BatchStatus.FAILED ? failureReason : null, parentId, occurrence,
                next == BatchStatus.SCHEDULED ? scheduledFor : null, createdAt, startedAt, finishedAt, version);
    }

    public Batch withSpec(BatchSpec next) {
        return new Batch(id, next, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, finishedAt, version);
    }

    public Batch withScheduledFor(Instant at) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, at, createdAt, startedAt,
                finishedAt, version);
    }

    public Batch withFailureReason(String reason) {
        return new Batch(id, spec, status, pauseReason, reason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, finishedAt, version);
    }

    public Batch withStartedAt(Instant at) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                at, finishedAt, version);
    }

    public Batch withFinishedAt(Instant at) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, at, version);
    }

    public Batch withVersion(long next) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, finishedAt, next);
    }
}
