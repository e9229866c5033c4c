package io.batchcall.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.batchcall.api.internal.BatchRequest;
import io.batchcall.api.internal.Dto;
import io.batchcall.api.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Every request and response type survives JSON and back unchanged, with snake_case names. */
class JsonRoundTripTest {
    private static final Gen<String> TEXT = strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 12);
    private static final Gen<Boolean> BOOL = booleans().all();
    private static final Gen<Integer> INT = integers().all();
    private static final Gen<Long> LONG = longs().all();

    private static <T> Gen<T> nullable(Gen<T> g) {
        return in -> BOOL.generate(in) && BOOL.generate(in) ? null : g.generate(in);
    }

    private static <T> Gen<List<T>> listOf(Gen<T> g) {
        return in -> {
            List<T> out = new ArrayList<>();
            int n = integers().between(0, 4).generate(in);
            for (int i = 0; i < n; i++) {
                out.add(g.generate(in));
            }
            return out;
        };
    }

    private static final Gen<Map<String, String>> MAP = in -> {
        Map<String, String> m = new LinkedHashMap<>();
        int n = integers().between(0, 3).generate(in);
        for (int i = 0; i < n; i++) {
            m.put(TEXT.generate(in), TEXT.generate(in));
        }
        return m;
    };

    private static final Gen<BatchRequest> REQUEST = in -> new BatchRequest(nullable(TEXT).generate(in),
            nullable(TEXT).generate(in), nullable(TEXT).generate(in), nullable(BOOL).generate(in),
            nullable(BOOL).generate(in), nullable(TEXT).generate(in), nullable(TEXT).generate(in),
            nullable(TEXT).generate(in), nullable(listOf(TEXT)).generate(in), nullable(TEXT).generate(in),
            nullable(INT).generate(in), nullable(TEXT).generate(in), nullable(INT).generate(in),
            nullable(TEXT).generate(in), nullable(LONG).generate(in), nullable(BOOL).generate(in),
            nullable(listOf(TEXT)).generate(in), nullable(INT).generate(in), nullable(LONG).generate(in),
            nullable(INT).generate(in), nullable(TEXT).generate(in), nullable(listOf(in2 ->
                    new BatchRequest.Recipient(TEXT.generate(in2), nullable(TEXT).generate(in2),
                            nullable(MAP).generate(in2)))).generate(in), nullable(TEXT).generate(in),
            nullable(listOf(JsonRoundTripTest::code)).generate(in), nullable(rules()).generate(in),
            nullable(rules()).generate(in), nullable(listOf(TEXT)).generate(in));

    private static Dto.DispositionCodeBody code(org.quicktheories.core.RandomnessSource in) {
        return new Dto.DispositionCodeBody(TEXT.generate(in), nullable(TEXT).generate(in), nullable(BOOL).generate(in));
    }

    private static Gen<Map<String, Dto.OutcomeRetryBody>> rules() {
        return in -> {
            Map<String, Dto.OutcomeRetryBody> m = new LinkedHashMap<>();
            int n = integers().between(0, 3).generate(in);
            for (int i = 0; i < n; i++) {
                m.put(TEXT.generate(in), new Dto.OutcomeRetryBody(nullable(LONG).generate(in),
                        nullable(doubles().between(1.0, 10.0)).generate(in), nullable(INT).generate(in),
                        nullable(LONG).generate(in)));
            }
            return m;
        };
    }

    private static final Gen<Dto.Counts> COUNTS = in -> new Dto.Counts(LONG.generate(in), LONG.generate(in),
            LONG.generate(in), LONG.generate(in), LONG.generate(in), LONG.generate(in), Map.of("pending",
            LONG.generate(in)));

    private static final Gen<Dto.BatchView> VIEW = in -> new Dto.BatchView(LONG.generate(in), TEXT.generate(in),
            TEXT.generate(in), nullable(TEXT).generate(in), nullable(TEXT).generate(in), TEXT.generate(in),
            nullable(TEXT).generate(in), nullable(TEXT).generate(in), nullable(TEXT).generate(in),
            nullable(TEXT).generate(in), listOf(TEXT).generate(in), TEXT.generate(in), INT.generate(in),
            nullable(TEXT).generate(in), nullable(INT).generate(in), nullable(TEXT).generate(in),
            nullable(LONG).generate(in), nullable(LONG).generate(in), nullable(LONG).generate(in),
            TEXT.generate(in), nullable(TEXT).generate(in), nullable(TEXT).generate(in), COUNTS.generate(in),
            nullable(TEXT).generate(in), listOf(JsonRoundTripTest::code).generate(in), rules().generate(in),
            rules().generate(in), listOf(TEXT).generate(in));

    private static final Gen<Dto.RejectionView> REJECTION = in -> new Dto.RejectionView(LONG.generate(in),
            TEXT.generate(in), TEXT.generate(in), TEXT.generate(in));

    private static <T> void roundTrips(Gen<T> gen, Class<T> type) {
        qt().withExamples(300).forAll(gen).checkAssert(value -> {
            byte[] json = Json.bytes(value);
            assertThat(Json.read(new java.io.ByteArrayInputStream(json), type)).isEqualTo(value);
            try {
                Json.MAPPER.readTree(json).fieldNames().forEachRemaining(name ->
                        assertThat(name).matches("[a-z0-9_]+"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void batchRequests() {
        roundTrips(REQUEST, BatchRequest.class);
    }

    @Test
    void batchViews() {
        roundTrips(VIEW, Dto.BatchView.class);
    }

    @Test
    void recipientsAttemptsReportsEstimatesAndEvents() {
        roundTrips(in -> new Dto.RecipientView(LONG.generate(in), TEXT.generate(in), TEXT.generate(in),
                TEXT.generate(in), INT.generate(in), nullable(TEXT).generate(in), MAP.generate(in)),
                Dto.RecipientView.class);
        roundTrips(in -> new Dto.AttemptView(LONG.generate(in), INT.generate(in), TEXT.generate(in),
                nullable(TEXT).generate(in), nullable(TEXT).generate(in), nullable(TEXT).generate(in),
                nullable(LONG).generate(in), nullable(TEXT).generate(in), nullable(TEXT).generate(in),
                nullable(TEXT).generate(in), nullable(TEXT).generate(in), nullable(in2 -> new Dto.DispositionView(
                TEXT.generate(in2), MAP.generate(in2), nullable(TEXT).generate(in2))).generate(in)),
                Dto.AttemptView.class);
        roundTrips(in -> new Dto.DispositionRequest(TEXT.generate(in), nullable(MAP).generate(in)),
                Dto.DispositionRequest.class);
        roundTrips(in -> new Dto.DispositionCounts(LONG.generate(in), Map.of("sale", LONG.generate(in))),
                Dto.DispositionCounts.class);
        roundTrips(in -> new Dto.CallbackRequest(nullable(TEXT).generate(in)), Dto.CallbackRequest.class);
        roundTrips(in -> new Dto.CallbackView(LONG.generate(in), LONG.generate(in), TEXT.generate(in)),
                Dto.CallbackView.class);
        roundTrips(in -> new Dto.ImportView(LONG.generate(in), LONG.generate(in), LONG.generate(in),
                LONG.generate(in), LONG.generate(in), BOOL.generate(in), TEXT.generate(in), listOf(TEXT).generate(in),
                listOf(REJECTION).generate(in), listOf(REJECTION).generate(in)), Dto.ImportView.class);
        roundTrips(in -> new Dto.Estimate(LONG.generate(in), LONG.generate(in), LONG.generate(in), TEXT.generate(in),
                TEXT.generate(in), TEXT.generate(in), TEXT.generate(in), TEXT.generate(in)), Dto.Estimate.class);
        roundTrips(in -> new Dto.EventView(LONG.generate(in), TEXT.generate(in), TEXT.generate(in), LONG.generate(in),
                nullable(LONG).generate(in), nullable(LONG).generate(in), TEXT.generate(in),
                nullable(TEXT).generate(in)), Dto.EventView.class);
        roundTrips(in -> new Dto.RerunRequest(nullable(TEXT).generate(in)), Dto.RerunRequest.class);
    }
}
