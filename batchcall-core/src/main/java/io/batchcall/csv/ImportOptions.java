package io.batchcall.csv;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of one CSV import. Immutable and thread-safe; start from {@link #ofDefaults()},
 * {@link #custom()} or {@link #from(ImportOptions)}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>defaultRegion</td><td>US</td><td>ISO 3166 region for numbers written without a country
 *       code; {@code ZZ} requires every number to carry one</td></tr>
 *   <tr><td>maxRows</td><td>unlimited</td><td>more data rows than this refuse the whole file</td></tr>
 *   <tr><td>maxVariables</td><td>100</td><td>more variable columns than this refuse the whole file</td></tr>
 *   <tr><td>maxFieldLength</td><td>1,000</td><td>a longer cell rejects its row</td></tr>
 *   <tr><td>maxRejectionsKept</td><td>10,000</td><td>rejections and duplicates listed in the report
 *       (each list); the counts are always exact</td></tr>
 *   <tr><td>chunkSize</td><td>1,000</td><td>recipients per {@code ImportSession.add} call</td></tr>
 *   <tr><td>validationThreads</td><td>available processors, at most 4</td><td>threads checking numbers;
 *       1 checks them on the calling thread</td></tr>
 *   <tr><td>progress</td><td>none</td><td>hears progress at least every 10,000 rows and every second,
 *       and may cancel the import ({@link ImportProgressListener})</td></tr>
 *   <tr><td>clock</td><td>system UTC</td><td>times the once-a-second progress reports</td></tr>
 * </table>
 */
public final class ImportOptions {
    private static final ImportOptions DEFAULTS = new Builder().build();

    private final String defaultRegion;
    private final long maxRows;
    private final int maxVariables;
    private final int maxFieldLength;
    private final int maxRejectionsKept;
    private final int chunkSize;
    private final int validationThreads;
    private final ImportProgressListener progress;
    private final Clock clock;

    private ImportOptions(Builder b) {
        this.progress = b.progress;
        this.clock = b.clock;
        this.defaultRegion = b.defaultRegion;
        this.maxRows = b.maxRows;
        this.maxVariables = b.maxVariables;
        this.maxFieldLength = b.maxFieldLength;
        this.maxRejectionsKept = b.maxRejectionsKept;
        this.chunkSize = b.chunkSize;
        this.validationThreads = b.validationThreads;
    }

    /**
     * The defaults of the table above.
     *
     * @return the default options
     */
    public static ImportOptions ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A builder holding {@code base}'s settings, to change a few.
     *
     * @param base the options to start from; not null
     * @return a new builder
     */
    public static Builder from(ImportOptions base) {
        return new Builder(base);
    }

    /**
     * Region (ISO 3166 alpha-2, upper case) for numbers without a country code; {@code ZZ} for none.
     *
     * @return the region code, e.g. {@code US}, or {@code ZZ}
     */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The most data rows a file may have; {@link Long#MAX_VALUE} means unlimited.
     *
     * @return the row limit
     */
    public long maxRows() {
        return maxRows;
    }

    /**
     * The most variable columns (columns other than phone, name and timezone) a header may have.
     *
     * @return the variable-column limit
     */
    public int maxVariables() {
        return maxVariables;
    }

    /**
     * The longest cell, in UTF-16 characters, after surrounding spaces are removed.
     *
     * @return the cell-length limit
     */
    public int maxFieldLength() {
        return maxFieldLength;
    }

    /**
     * Rejections (and, separately, duplicates) listed in the report at most; the counts stay exact.
     *
     * @return the number of rejections kept in the report
     */
    public int maxRejectionsKept() {
        return maxRejectionsKept;
    }

    /**
     * Recipients per {@code ImportSession.add} call.
     *
     * @return the chunk size
     */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Threads checking numbers; 1 checks them on the calling thread.
     *
     * @return the thread count, at least 1
     */
    public int validationThreads() {
        return validationThreads;
    }

    /**
     * Hears progress and may cancel; {@link ImportProgressListener#none()} by default.
     *
     * @return the listener; never null
     */
    public ImportProgressListener progress() {
        return progress;
    }

    /**
     * The clock timing progress reports.
     *
     * @return the clock; never null
     */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ImportOptions[defaultRegion=" + defaultRegion + ", maxRows="
                + (maxRows == Long.MAX_VALUE ? "unlimited" : maxRows) + ", maxVariables=" + maxVariables
                + ", maxFieldLength=" + maxFieldLength + ", maxRejectionsKept=" + maxRejectionsKept
                + ", chunkSize=" + chunkSize + ", validationThreads=" + validationThreads + "]";
    }

    /** Collects settings; each setter checks its value and says what was wrong. */
    public static final class Builder {
        private String defaultRegion = "US";
        private long maxRows = Long.MAX_VALUE;
        private int maxVariables = 100;
        private int maxFieldLength = 1_000;
        private int maxRejectionsKept = 10_000;
        private int chunkSize = 1_000;
        private int validationThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private ImportProgressListener progress = ImportProgressListener.none();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder(ImportOptions base) {
            defaultRegion = base.defaultRegion;
            maxRows = base.maxRows;
            maxVariables = base.maxVariables;
            maxFieldLength = base.maxFieldLength;
            maxRejectionsKept = base.maxRejectionsKept;
            chunkSize = base.chunkSize;
            validationThreads = base.validationThreads;
            progress = base.progress;
            clock = base.clock;
        }

        /**
         * The region assumed for numbers written without a country code, such as {@code US} or
         * {@code GB} (any case); {@code ZZ} means every number must start with {@code +} and its
         * country code.
         *
         * @param region an ISO 3166 alpha-2 code in any case, or {@code ZZ}
         * @return this builder
         * @throws IllegalArgumentException if region is not a known region code
         */
        public Builder defaultRegion(String region) {
            String upper = region == null ? null : region.strip().toUpperCase(Locale.ROOT);
            if (upper == null || !("ZZ".equals(upper) || PhoneNumberUtil.getInstance().getSupportedRegions()
                    .contains(upper))) {
                throw new IllegalArgumentException("defaultRegion must be an ISO 3166 region code known to "
                        + "libphonenumber (such as US or GB) or ZZ, but was '" + region + "'");
            }
            this.defaultRegion = upper;
            return this;
        }

        /**
         * Hears progress (rows read, accepted, duplicates, rejected) at least every 10,000 rows and
         * every second, and cancels the import by returning {@link ImportProgressListener.Action#CANCEL}.
         *
         * @param progress the listener; not null
         * @return this builder
         */
        public Builder progress(ImportProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress must not be null");
            return this;
        }

        /**
         * The clock timing the once-a-second progress reports; default system UTC.
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * More data rows than this refuse the whole file; default unlimited.
         *
         * @param maxRows at least 1
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder maxRows(long maxRows) {
            this.maxRows = requireRange("maxRows", maxRows, 1, Long.MAX_VALUE);
            return this;
        }

        /**
         * More variable columns than this (0 to 10,000) refuse the whole file; default 100.
         *
         * @param maxVariables 0 to 10,000
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder maxVariables(int maxVariables) {
            this.maxVariables = (int) requireRange("maxVariables", maxVariables, 0, 10_000);
            return this;
        }

        /**
         * A longer cell (1 to 1,000,000 characters, after surrounding spaces are removed) rejects its
         * row; it is cut while it is read, so it never occupies more memory than this. Default 1,000.
         *
         * @param maxFieldLength 1 to 1,000,000
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder maxFieldLength(int maxFieldLength) {
            this.maxFieldLength = (int) requireRange("maxFieldLength", maxFieldLength, 1, 1_000_000);
            return this;
        }

        /**
         * Rejections and duplicates listed in the report, each list (0 to 10,000,000); default 10,000.
         *
         * @param maxRejectionsKept 0 to 10,000,000
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder maxRejectionsKept(int maxRejectionsKept) {
            this.maxRejectionsKept = (int) requireRange("maxRejectionsKept", maxRejectionsKept, 0, 10_000_000);
            return this;
        }

        /**
         * Recipients per {@code ImportSession.add} call (1 to 100,000); default 1,000.
         *
         * @param chunkSize 1 to 100,000
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = (int) requireRange("chunkSize", chunkSize, 1, 100_000);
            return this;
        }

        /**
         * Threads checking numbers (1 to 64); default the available processors, at most 4.
         *
         * @param validationThreads 1 to 64
         * @return this builder
         * @throws IllegalArgumentException if the value is out of range
         */
        public Builder validationThreads(int validationThreads) {
            this.validationThreads = (int) requireRange("validationThreads", validationThreads, 1, 64);
            return this;
        }

        /**
         * The immutable options.
         *
         * @return the options
         */
        public ImportOptions build() {
            return new ImportOptions(this);
        }

        private static long requireRange(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max
                        + ", but was " + value);
            }
            return value;
        }
    }
}
