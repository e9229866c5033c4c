package io.batchcall.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The pipeline bounds what is in flight by weight (characters), not only by count. */
class OrderedPipelineTest {
    @Test
    void heavyInputsWaitForTheOldestSoTheWeightInFlightStaysBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        List<Long> weightsSeen = new ArrayList<>();
        Function<Integer, Integer> slow = i -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i;
        };
        try (OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(() -> slow, out::add, 4, 1_000)) {
            release.countDown();
            for (int i = 0; i < 50; i++) {
                pipeline.submit(i, 400);
                weightsSeen.add(pipeline.weightInFlight());
            }
            pipeline.finish();
        }
        // 8 inputs could be in flight by count; by weight at most 1,000 (two of 400, plus none more)
        assertThat(weightsSeen).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(1_000));
        assertThat(out).hasSize(50).isSorted();
    }
}
