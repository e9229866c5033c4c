package io.batchcall.api.internal;

import io.batchcall.BatchCalls;
import io.batchcall.csv.ImportOptions;
import io.batchcall.model.Tariff;
import java.time.Clock;
import java.time.Duration;

/**
 * What the routes share: the facade, the account-scoped lookups, the spec mapper, the tariff for
 * estimates, the clock, the import options and the event stream.
 */
public record ApiContext(BatchCalls calls, Scoped scoped, SpecMapper specs, Tariff tariff, Duration assumedTalkTime,
        Clock clock, ImportOptions importOptions, AccountEvents events, EventStream stream, LastReports reports) {
}
