package io.batchcall.api.internal;

import io.batchcall.BatchCalls;
import io.batchcall.BatchSummary;
import io.batchcall.NotFoundException;
import io.batchcall.model.AccountId;
import io.batchcall.model.BatchId;

/**
 * The one place that loads "batch X of account A": another account's batch answers exactly like an
 * unknown id, so the API never reveals that it exists. The rule is the core's account view
 * ({@link BatchCalls#forAccount}); this class only turns its refusal into a 404.
 */
public final class Scoped {
    private final BatchCalls calls;

    public Scoped(BatchCalls calls) {
        this.calls = calls;
    }

    /**
     * The batch with its counts.
     *
     * @throws ApiProblem 404 when it does not exist or belongs to another account
     */
    public BatchSummary batch(AccountId account, BatchId id) {
        try {
            return calls.forAccount(account).batch(id);
        } catch (NotFoundException e) {
            throw missing(id);
        }
    }

    /** Checks ownership only; see {@link #batch}. */
    public void require(AccountId account, BatchId id) {
        batch(account, id);
    }

    static ApiProblem missing(BatchId id) {
        return ApiProblem.notFound("batch " + id + " does not exist");
    }
}
