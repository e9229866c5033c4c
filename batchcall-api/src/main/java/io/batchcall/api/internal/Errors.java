package io.batchcall.api.internal;

import io.batchcall.BatchCallException;
import io.batchcall.ConcurrentUpdateException;
import io.batchcall.DispositionConflictException;
import io.batchcall.IllegalStateTransitionException;
import io.batchcall.NotFoundException;
import io.batchcall.StorageException;
import io.batchcall.csv.CsvImportException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps exceptions to problems: the statuses the API documents, never a stack trace. */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    /** The problem for {@code e}, thrown while serving {@code method path}. */
    public static ApiProblem problem(RuntimeException e, String method, String path) {
        if (e instanceof ApiProblem p) {
            return p;
        }
        if (e instanceof NotFoundException) {
            return ApiProblem.notFound(e.getMessage());
        }
        if (e instanceof IllegalStateTransitionException) {
            return new ApiProblem(409, "illegal-state", "Conflict with the batch's status", e.getMessage(), "status",
                    null, null, null);
        }
        if (e instanceof DispositionConflictException) {
            return new ApiProblem(409, "disposition-conflict", "Another disposition is recorded", e.getMessage(),
                    "code", null, null, null);
        }
        if (e instanceof ConcurrentUpdateException) {
            return new ApiProblem(409, "concurrent-update", "Changed concurrently; retry", e.getMessage(), null, null,
                    null, null);
        }
        if (e instanceof CsvImportException) {
            return ApiProblem.badRequest("csv-rejected", e.getMessage() + "; nothing was stored", "body", null);
        }
        if (e instanceof StorageException || e instanceof BatchCallException b && b.isRetryable()) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            return new ApiProblem(503, "unavailable", "Temporarily unavailable", "the operation failed and may "
                    + "succeed if retried: " + e.getMessage(), null, null, null, Map.of("Retry-After", "1"));
        }
        if (e instanceof BatchCallException) {
            return new ApiProblem(409, "refused", "Refused", e.getMessage(), null, null, null, null);
        }
        if (e instanceof IllegalArgumentException) {
            return ApiProblem.badRequest("validation", e.getMessage(), null, null);
        }
        LOG.error("{} {} failed", method, path, e);
        return new ApiProblem(500, "internal", "Internal error", "the server failed to answer; see its log",
                null, null, null, null);
    }
}
