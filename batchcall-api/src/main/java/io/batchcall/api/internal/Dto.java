package io.batchcall.api.internal;

import java.util.List;
import java.util.Map;

/** The JSON shapes the API answers with (snake_case on the wire). */
public final class Dto {
    private Dto() {
    }

    /**
     * A batch with its counts. Instants are ISO-8601 UTC strings; times are local {@code HH:mm};
     * blackout dates are local ISO dates ({@code 2026-12-25}), ascending.
     */
    public record BatchView(long id, String name, String status, String pauseReason, String failureReason,
            String callerId, String agentId, String scheduledAt, String windowStartTime, String windowEndTime,
            List<String> windowDays, String timezone, Integer batchLimit, String recurrenceType,
            Integer recurrenceInterval, String recurrenceEndDate, Long recurrenceMaxRuns, Long parentId,
            Long occurrence, String createdAt, String startedAt, String finishedAt, Counts counts,
            String machinePolicy, List<DispositionCodeBody> dispositions, Map<String, OutcomeRetryBody> retryByOutcome,
            Map<String, OutcomeRetryBody> retryByDisposition, List<String> windowBlackoutDates) {
    }

    /** One disposition code a batch allows: in create/replace bodies and in the batch view. */
    public record DispositionCodeBody(String code, String label, Boolean optOut) {
    }

    /**
     * How one outcome or disposition is retried: the k-th such ending waits
     * {@code delay_seconds × backoff^(k-1)} and at least {@code next_window_after_seconds}.
     */
    public record OutcomeRetryBody(Long delaySeconds, Double backoff, Integer maxAttempts,
            Long nextWindowAfterSeconds) {
    }

    /** Recipient counts; {@code failed} is failed + busy + no_answer. */
    public record Counts(long total, long pending, long inFlight, long completed, long failed, long skipped,
            Map<String, Long> byStatus) {
    }

    /** A page with the cursor of the next one (null on the last page). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** One recipient of a batch. */
    public record RecipientView(long id, String phone, String name, String status, int attempts, String reason,
            Map<String, String> variables) {
    }

    /** One dial of a recipient, with who answered and the disposition the host reported (else null). */
    public record AttemptView(long id, int number, String status, String providerCallId, String placedAt,
            String endedAt, Long talkSeconds, String cost, String currency, String reason, String answeredBy,
            DispositionView disposition) {
    }

    /** A recorded disposition: its code, data and when it was recorded. */
    public record DispositionView(String code, Map<String, String> data, String at) {
    }

    /** The body of a disposition report. */
    public record DispositionRequest(String code, Map<String, String> data) {
    }

    /** Attempts per disposition code of a batch (codes nobody reported are absent). */
    public record DispositionCounts(long batchId, Map<String, Long> counts) {
    }

    /** The body of a call back: an ISO-8601 instant. */
    public record CallbackRequest(String at) {
    }

    /** A queued call back. */
    public record CallbackView(long batchId, long recipientId, String callbackAt) {
    }

    /** What an upload did with each row. */
    public record ImportView(long rowsRead, long accepted, long duplicates, long rejected, long blankRows,
            boolean rejectionsTruncated, String phoneColumn, List<String> variables, List<RejectionView> rejections,
            List<RejectionView> duplicateRows) {
    }

    /** One rejected or duplicate row. */
    public record RejectionView(long line, String column, String value, String reason) {
    }

    /** The cost estimate before sending. Amounts are decimal strings in {@code currency}. */
    public record Estimate(long recipients, long assumedTalkSeconds, long billableMinutesPerCall, String dialFee,
            String perMinute, String costPerCall, String estimatedCost, String currency) {
    }

    /** One status change, as sent on the event stream. */
    public record EventView(long sequence, String at, String kind, long batchId, Long recipientId, Long attemptId,
            String status, String detail) {
    }

    /** The first message of a stream: where it starts. */
    public record Ready(long cursor, Long batchId) {
    }

    /** The body of a rerun. */
    public record RerunRequest(String scope) {
    }

    /** The body of a webhook registration; the secret is stored, never shown again. */
    public record WebhookRequest(String url, String secret) {
    }

    /** A registered webhook (without its secret); {@code consumer} names its dead letters. */
    public record WebhookView(long id, String url, String createdAt, String consumer) {
    }

    /** An event a webhook gave up on after its attempts ran out. */
    public record DeadLetterView(long id, String consumer, EventView event, int attempts, String lastError,
            String deadAt, boolean redeliveryRequested) {
    }

    /** How many dead letters were queued for redelivery. */
    public record Redelivery(int queued) {
    }

    /** The body of a suppression: an E.164 number and why it must not be called. */
    public record SuppressionRequest(String phone, String reason) {
    }

    /** An entry of the account's suppression list; {@code source} is host, import or opt_out. */
    public record SuppressionView(String phone, String reason, String source, String at) {
    }

    /** What a suppression list upload did; {@code rejections} holds at most the first 100 bad rows. */
    public record SuppressionImportView(long read, long added, long alreadyListed, long rejected,
            boolean rejectionsTruncated, List<LineProblem> rejections) {
    }

    /** A bad row of an upload, by its line in the file. */
    public record LineProblem(long line, String reason) {
    }

    /** The body of an erasure: the E.164 number to erase from every batch of the account. */
    public record ErasureRequest(String phone) {
    }

    /** What an erasure removed; counts, costs and the ledger are kept. */
    public record ErasureView(long recipients, long attempts, long events, boolean suppressionKept) {
    }
}
