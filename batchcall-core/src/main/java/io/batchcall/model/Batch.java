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

    /**
     * Validates the components (see the record description).
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
     * @throws NullPointerException if any of id, spec, status, createdAt is null
     */
    public Batch {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
    }

    /**
     * The account that owns this batch, from its spec.
     *
     * @return the spec's account
     */
    public AccountId account() {
        return spec.account();
    }

    /**
     * Whether this batch is the parent (config and recipient template) of a recurring series.
     *
     * @return true for a recurring batch that is not itself a run
     */
    public boolean isSeriesParent() {
        return spec.isRecurring() && parentId == null;
    }

    /**
     * Whether this batch is one run of a recurring series.
     *
     * @return true when {@link #parentId()} is not null
     */
    public boolean isSeriesRun() {
        return parentId != null;
    }

    /**
     * A copy in another status. The pause reason is kept only when {@code next} is paused, the failure
     * reason only when it is failed, and scheduledFor only when it is scheduled. The version is not changed.
     *
     * @param next the new status; legality is not checked here (see {@link BatchStatus#checkTransition})
     * @param reason why it is paused; used only when {@code next} is paused, may be null
     * @return the copy
     */
    public Batch withStatus(BatchStatus next, PauseReason reason) {
        return new Batch(id, spec, next, next == BatchStatus.PAUSED ? reason : null,
                next == BatchStatus.FAILED ? failureReason : null, parentId, occurrence,
                next == BatchStatus.SCHEDULED ? scheduledFor : null, createdAt, startedAt, finishedAt, version);
    }

    /**
     * A copy with another spec (an edited draft); everything else is kept.
     *
     * @param next the new spec
     * @return the copy
     */
    public Batch withSpec(BatchSpec next) {
        return new Batch(id, next, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, finishedAt, version);
    }

    /**
     * A copy with another start instant; everything else is kept.
     *
     * @param at when the scheduled batch starts; may be null
     * @return the copy
     */
    public Batch withScheduledFor(Instant at) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, at, createdAt, startedAt,
                finishedAt, version);
    }

    /**
     * A copy with another failure reason; everything else is kept.
     *
     * @param reason why the batch failed; may be null
     * @return the copy
     */
    public Batch withFailureReason(String reason) {
        return new Batch(id, spec, status, pauseReason, reason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, finishedAt, version);
    }

    /**
     * A copy with another start instant of its last run; everything else is kept.
     *
     * @param at when it last went to running; may be null
     * @return the copy
     */
    public Batch withStartedAt(Instant at) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                at, finishedAt, version);
    }

    /**
     * A copy with another finish instant; everything else is kept.
     *
     * @param at when it last completed, was cancelled or failed; may be null
     * @return the copy
     */
    public Batch withFinishedAt(Instant at) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, at, version);
    }

    /**
     * A copy with another optimistic-lock version; stores call this on every change.
     *
     * @param next the new version
     * @return the copy
     */
    public Batch withVersion(long next) {
        return new Batch(id, spec, status, pauseReason, failureReason, parentId, occurrence, scheduledFor, createdAt,
                startedAt, finishedAt, next);
    }
}
