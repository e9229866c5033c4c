package io.batchcall.spi;

import io.batchcall.model.AccountId;
import io.batchcall.model.AttemptId;
import io.batchcall.model.BatchId;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One call to place. The {@code attemptId} identifies it to batchcall: a carrier adapter should
 * carry it in the status-callback URL so updates map back to the attempt.
 *
 * @param variables the recipient's per-call values (CSV extra columns)
 * @param ringTimeout how long to ring before no_answer
 * @param attemptId batchcall's id for this dial; carry it in the status-callback URL
 * @param batchId the batch the recipient belongs to
 * @param recipientId the recipient being called
 * @param account the account that pays for the call
 * @param to the number to call
 * @param from the caller id
 * @param agentId the host's agent (voice bot, script) that handles the call; may be null
 * @param recipientName the recipient's display name; may be empty
 * @param machinePolicy the batch's {@link MachinePolicy}: when not null, the adapter asks the
 *     carrier for answering-machine detection (waiting for the greeting's end for
 *     {@link MachinePolicy#LEAVE_MESSAGE}) and tells the host's answer endpoint the policy; null
 *     for no detection
 */
public record CallRequest(AttemptId attemptId, BatchId batchId, RecipientId recipientId, AccountId account,
        PhoneNumber to, PhoneNumber from, String agentId, String recipientName, Map<String, String> variables,
        Duration ringTimeout, MachinePolicy machinePolicy) {

    /**
     * A call without answering-machine detection.
     *
     * @param attemptId batchcall's id for this dial
     * @param batchId the batch the recipient belongs to
     * @param recipientId the recipient being called
     * @param account the account that pays for the call
     * @param to the number to call
     * @param from the caller id
     * @param agentId the host's agent; may be null
     * @param recipientName the recipient's display name; may be empty
     * @param variables the recipient's per-call values
     * @param ringTimeout how long to ring before no_answer
     */
    public CallRequest(AttemptId attemptId, BatchId batchId, RecipientId recipientId, AccountId account,
            PhoneNumber to, PhoneNumber from, String agentId, String recipientName, Map<String, String> variables,
            Duration ringTimeout) {
        this(attemptId, batchId, recipientId, account, to, from, agentId, recipientName, variables, ringTimeout, null);
    }
    /**
     * Validates the components (see the record description).
     *
     * @param attemptId batchcall's id for this dial; carry it in the status-callback URL
     * @param batchId the batch the recipient belongs to
     * @param recipientId the recipient being called
     * @param account the account that pays for the call
     * @param to the number to call
     * @param from the caller id
     * @param agentId the host's agent (voice bot, script) that handles the call; may be null
     * @param recipientName the recipient's display name; may be empty
     * @param variables the recipient's per-call values (CSV extra columns)
     * @param ringTimeout how long to ring before no_answer
     * @param machinePolicy the batch's machine policy; null for no detection
     * @throws NullPointerException if any of attemptId, to, from is null
     */
    public CallRequest {
        Objects.requireNonNull(attemptId, "attemptId must not be null");
        Objects.requireNonNull(to, "to must not be null");
        Objects.requireNonNull(from, "from must not be null");
        variables = variables == null ? Map.of() : variables;
    }
}
