package io.batchcall.api.internal;

import java.util.List;
import java.util.Map;

/**
 * The body of "create" and "update": the product's field names, every one optional at the JSON
 * level; {@link SpecMapper} checks them and names the field of each error.
 */
public record BatchRequest(
        String name,
        String callerId,
        String agentId,
        Boolean sendNow,
        Boolean draft,
        String scheduledAt,
        String windowStartTime,
        String windowEndTime,
        List<String> windowDays,
        String timezone,
        Integer batchLimit,
        String recurrenceType,
        Integer recurrenceInterval,
        String recurrenceEndDate,
        Long recurrenceMaxRuns,
        Boolean recipientLocalTime,
        List<String> retryOn,
        Integer maxAttempts,
        Long retryDelaySeconds,
        Integer ringTimeoutSeconds,
        String deadline,
        List<Recipient> recipients,
        String machinePolicy,
        List<Dto.DispositionCodeBody> dispositions,
        Map<String, Dto.OutcomeRetryBody> retryByOutcome,
        Map<String, Dto.OutcomeRetryBody> retryByDisposition,
        List<String> windowBlackoutDates) {

    /** One recipient given inline in a create request. */
    public record Recipient(String phone, String name, Map<String, String> variables) {
    }
}
