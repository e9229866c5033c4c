package io.batchcall.csv.internal;

/**
 * A set of positive {@code long}s in one {@code long[]}: open addressing with linear probing, at
 * most 3/4 full, so 8 to 16 bytes per element (about 16 MB for a million phone numbers, against
 * well over 100 MB for a {@code HashSet<String>}). Zero marks a free slot and cannot be stored.
 * Not thread-safe.
 */
public final class LongHashSet {
    private long[] slots;
    private int size;
    private int mask;
    private int shift;

    public LongHashSet() {
        this(16);
    }

    public LongHashSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3 + 1) - 1) << 1;
        resize(capacity);
    }

    /** Adds {@code value} (which must be positive); returns false if it was already present. */
    public boolean add(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("value must be positive, but was " + value);
        }
        int i = index(value);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        if (++size > slots.length / 4 * 3) {
            grow();
        }
        return true;
    }

    public boolean contains(long value) {
        int i = index(value);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** Fibonacci hashing: the top bits of the product, which depend on every bit of the value. */
    private int index(long value) {
        return (int) ((value * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void resize(int capacity) {
        slots = new long[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void grow() {
        long[] old = slots;
        resize(old.length * 2);
        for (long v : old) {
            if (v != 0) {
                int i = index(v);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }
}
