package io.batchcall.spring.boot;

import io.batchcall.model.AccountId;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the mounted HTTP API which account an authenticated request belongs to. Authentication is
 * the host's: define this bean (for example from the Spring Security principal). The default reads
 * the request attribute {@value #ATTRIBUTE} (an {@link AccountId} or its text) that the host's own
 * filter sets; without it the API answers 401.
 */
@FunctionalInterface
public interface BatchCallsAccountResolver {
    /** The request attribute the default resolver reads. */
    String ATTRIBUTE = "io.batchcall.account";

    /**
     * The request's account, or null when the request is not authenticated (the API answers 401).
     *
     * @param request the API request
     * @return the authenticated account, or null
     */
    AccountId accountOf(HttpServletRequest request);
}
