package io.batchcall.benchmarks.fault;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fault mode of the fake carrier: fires with {@code probability} until it has fired {@code max}
 * times. Written {@code p/max} on the command line ({@code 0.02/10}); {@code 0} is off.
 */
final class Fault {
    final String name;
    private final double probability;
    private final int max;
    private final AtomicInteger fired = new AtomicInteger();

    Fault(String name, String spec) {
        this.name = name;
        String[] parts = spec.split("/");
        this.probability = Double.parseDouble(parts[0]);
        this.max = parts.length > 1 ? Integer.parseInt(parts[1]) : Integer.MAX_VALUE;
        if (probability < 0 || probability > 1 || max < 0) {
            throw new IllegalArgumentException(name + " must be 'p/max' with 0 <= p <= 1 and max >= 0, but was '"
                    + spec + "'");
        }
    }

    /** Whether it fires now (counted). */
    boolean fire(Random random) {
        if (probability == 0) {
            return false;
        }
        synchronized (random) {
            if (random.nextDouble() >= probability) {
                return false;
            }
        }
        return fired.incrementAndGet() <= max || undo();
    }

    private boolean undo() {
        fired.decrementAndGet();
        return false;
    }

    int fired() {
        return fired.get();
    }
}
