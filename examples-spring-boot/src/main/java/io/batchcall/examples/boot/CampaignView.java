package io.batchcall.examples.boot;

import io.batchcall.BatchSummary;

/** What the example's REST API shows of a campaign. */
public record CampaignView(long id, String name, String status, long total, long completed, long failed,
        long skipped, long inFlight) {

    static CampaignView of(BatchSummary s) {
        return new CampaignView(s.batch().id().value(), s.batch().spec().name(), s.batch().status().wireName(),
                s.counts().total(), s.counts().completed(), s.counts().failed(), s.counts().skipped(),
                s.counts().inFlight());
    }
}
