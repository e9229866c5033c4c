package io.batchcall.csv.internal;

/**
 * A set of positive {@code long}s without boxing: 256 open-addressing tables with linear probing,
 * each between 3/8 and 3/4 full, so 11 to 21 bytes per element (some 12-20 MB for a million phone
 * numbers, against well over 100 MB for a {@code HashSet<String>}). The tables grow one at a time,
 * so growing never needs much more memory than the set holds; and each stays at most 256 KB up
 * to 6 million elements, below G1's humongous-object threshold (half a region, 512 KB at least),
 * where a 512 KB table would take a whole 1 MB region. Zero marks a free slot and cannot be
 * stored. Not thread-safe.
 */
public final class LongHashSet {
    private static final int SEGMENT_BITS = 8;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long[][] slots = new long[1 << SEGMENT_BITS][];
    private final int[] sizes = new int[1 << SEGMENT_BITS];
    private final int[] shifts = new int[1 << SEGMENT_BITS];
    private int size;

    public LongHashSet() {
        for (int s = 0; s < slots.length; s++) {
            resize(s, 16);
        }
    }

    /** Adds {@code value} (which must be positive); returns false if it was already present. */
    public boolean add(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("value must be positive, but was " + value);
        }
        long hash = value * GOLDEN;
        int s = (int) (hash >>> (64 - SEGMENT_BITS));
        long[] table = slots[s];
        int mask = table.length - 1;
        int i = index(hash, s);
        while (table[i] != 0) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        size++;
        if (++sizes[s] > table.length / 4 * 3) {
            grow(s);
        }
        return true;
    }

    public boolean contains(long value) {
        long hash = value * GOLDEN;
        int s = (int) (hash >>> (64 - SEGMENT_BITS));
        long[] table = slots[s];
        int mask = table.length - 1;
        int i = index(hash, s);
        while (table[i] != 0) {
            if (table[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** Fibonacci hashing: the bits just below the segment bits of the product. */
    private int index(long hash, int segment) {
        return (int) ((hash << SEGMENT_BITS) >>> shifts[segment]);
    }

    private void resize(int segment, int capacity) {
        slots[segment] = new long[capacity];
        shifts[segment] = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void grow(int segment) {
        long[] old = slots[segment];
        resize(segment, old.length * 2);
        long[] table = slots[segment];
        int mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = index(v * GOLDEN, segment);
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }
}
