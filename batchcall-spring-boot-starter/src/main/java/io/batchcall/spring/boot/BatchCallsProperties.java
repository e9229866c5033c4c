package io.batchcall.spring.boot;

import io.batchcall.csv.ImportOptions;
import io.batchcall.jdbc.Dialect;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code batchcall.*} properties. Boot validates them at start-up; every error names the
 * property, the rule and the value, for example
 * {@code batchcall.poll-interval must be between 10ms and 1m, but was 5ms}.
 */
@ConfigurationProperties("batchcall")
public class BatchCallsProperties implements Validator {
    /** Whether batchcall is auto-configured at all. */
    private boolean enabled = true;
    /** Whether the engine loop starts with the application context (false: call runOnce() yourself). */
    private boolean autoStart = true;
    /** This engine node's name in claims, logs and thread names; default a random "node-xxxxxxxx". */
    private String nodeName;
    /** How often the engine runs a step (10ms to 1m). */
    private Duration pollInterval = Duration.ofSeconds(1);
    /** How often status events are delivered to listeners (10ms to 1m). */
    private Duration eventInterval = Duration.ofMillis(200);
    /** Threads that place calls concurrently (1 to 256). */
    private int dialThreads = 8;
    /** How long a claim may stay unplaced before another node reconciles it (10s to 1h). */
    private Duration lease = Duration.ofMinutes(2);
    /** How long shutdown waits for dials in progress before interrupting them (0 to 10m). */
    private Duration shutdownWait = Duration.ofSeconds(10);
    /** Dials per second per from-number on this node (0 = unpaced, at most 1000). */
    private double callsPerSecond;
    /** Region assumed for CSV numbers without a country code (ISO 3166, e.g. US; ZZ = none). */
    private String defaultRegion = "ZZ";

    private final Jdbc jdbc = new Jdbc();
    private final Twilio twilio = new Twilio();
    private final Metrics metrics = new Metrics();
    private final Api api = new Api();
    private final Health health = new Health();

    /** JDBC storage and credit ledger on the application's DataSource. */
    public static class Jdbc {
        /** Whether missing schema migrations are applied at start-up (otherwise the schema is only checked). */
        private boolean migrateOnStart = true;
        /** Prefix of every batchcall table (empty, or 1-30 lower-case letters, digits and _). */
        private String tablePrefix = "bc_";
        /** The database dialect; detected from the connection when not set. */
        private Dialect dialect;
        /** Whether ringing and in-progress statuses wait for the WAL flush too (true on Citus). */
        private boolean durableIntermediateStatuses;

        /**
         * Whether ringing and in-progress statuses wait for the WAL flush too (set it on Citus, see
         * docs/scale-out.md; default false: on PostgreSQL they commit without waiting).
         *
         * @return the current value
         */
        public boolean isDurableIntermediateStatuses() {
            return durableIntermediateStatuses;
        }

        /**
         * Sets whether ringing and in-progress statuses wait for the WAL flush too.
         *
         * @param durableIntermediateStatuses the new value
         */
        public void setDurableIntermediateStatuses(boolean durableIntermediateStatuses) {
            this.durableIntermediateStatuses = durableIntermediateStatuses;
        }

        /**
         * Whether missing schema migrations are applied at start-up (otherwise the schema is only checked).
         *
         * @return the current value
         */
        public boolean isMigrateOnStart() {
            return migrateOnStart;
        }

        /**
         * Sets whether missing schema migrations are applied at start-up (otherwise the schema is only checked).
         *
         * @param migrateOnStart the new value
         */
        public void setMigrateOnStart(boolean migrateOnStart) {
            this.migrateOnStart = migrateOnStart;
        }

        /**
         * Prefix of every batchcall table (empty, or 1-30 lower-case letters, digits and _).
         *
         * @return the current value
         */
        public String getTablePrefix() {
            return tablePrefix;
        }

        /**
         * Sets the prefix of every batchcall table (empty, or 1-30 lower-case letters, digits and _).
         *
         * @param tablePrefix the new value
         */
        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        /**
         * The database dialect; detected from the connection when not set.
         *
         * @return the current value
         */
        public Dialect getDialect() {
            return dialect;
        }

        /**
         * Sets the database dialect; detected from the connection when not set.
         *
         * @param dialect the new value
         */
        public void setDialect(Dialect dialect) {
            this.dialect = dialect;
        }
    }

    /** Twilio as the carrier (needs batchcall-twilio-adapter on the classpath). */
    public static class Twilio {
        /** Twilio account SID ("AC" and 32 hex digits); setting it turns the Twilio carrier on. */
        private String accountSid;
        /** Twilio auth token (signs requests and validates status callbacks; never logged). */
        private String authToken;
        /** Public base URL of this application as Twilio reaches it, e.g. https://calls.example.com. */
        private URI callbackBaseUrl;
        /** Path where the status-callback endpoint is mounted. */
        private String callbackPath = "/batchcall/twilio/status";
        /** Public URL returning the TwiML to run when the callee answers. */
        private URI answerUrl;
        /** How long one Twilio request may take (1s to 5m). */
        private Duration requestTimeout = Duration.ofSeconds(10);

        /**
         * Twilio account SID ("AC" and 32 hex digits); setting it turns the Twilio carrier on.
         *
         * @return the current value
         */
        public String getAccountSid() {
            return accountSid;
        }

        /**
         * Sets the Twilio account SID ("AC" and 32 hex digits); setting it turns the Twilio carrier on.
         *
         * @param accountSid the new value
         */
        public void setAccountSid(String accountSid) {
            this.accountSid = accountSid;
        }

        /**
         * Twilio auth token (signs requests and validates status callbacks; never logged).
         *
         * @return the current value
         */
        public String getAuthToken() {
            return authToken;
        }

        /**
         * Sets the Twilio auth token (signs requests and validates status callbacks; never logged).
         *
         * @param authToken the new value
         */
        public void setAuthToken(String authToken) {
            this.authToken = authToken;
        }

        /**
         * Public base URL of this application as Twilio reaches it, e.g. https://calls.example.com.
         *
         * @return the current value
         */
        public URI getCallbackBaseUrl() {
            return callbackBaseUrl;
        }

        /**
         * Sets the public base URL of this application as Twilio reaches it, e.g. https://calls.example.com.
         *
         * @param callbackBaseUrl the new value
         */
        public void setCallbackBaseUrl(URI callbackBaseUrl) {
            this.callbackBaseUrl = callbackBaseUrl;
        }

        /**
         * Path where the status-callback endpoint is mounted.
         *
         * @return the current value
         */
        public String getCallbackPath() {
            return callbackPath;
        }

        /**
         * Sets the path where the status-callback endpoint is mounted.
         *
         * @param callbackPath the new value
         */
        public void setCallbackPath(String callbackPath) {
            this.callbackPath = callbackPath;
        }

        /**
         * Public URL returning the TwiML to run when the callee answers.
         *
         * @return the current value
         */
        public URI getAnswerUrl() {
            return answerUrl;
        }

        /**
         * Sets the public URL returning the TwiML to run when the callee answers.
         *
         * @param answerUrl the new value
         */
        public void setAnswerUrl(URI answerUrl) {
            this.answerUrl = answerUrl;
        }

        /**
         * How long one Twilio request may take (1s to 5m).
         *
         * @return the current value
         */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /**
         * Sets how long one Twilio request may take (1s to 5m).
         *
         * @param requestTimeout the new value
         */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        /**
         * The full public status-callback URL: base URL + callback path.
         *
         * @return the callback base URL resolved against the callback path
         */
        public URI statusCallbackUrl() {
            String base = callbackBaseUrl.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + callbackPath);
        }
    }

    /** The HTTP/JSON API (with batchcall-api on the classpath, in a servlet application). */
    public static class Api {
        /** Whether the API handler is mounted. */
        private boolean enabled = true;
        /** Where the API is mounted (a servlet mapping ending in /*). */
        private String path = "/batchcall/api/*";

        /**
         * Whether the API handler is mounted.
         *
         * @return the current value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the API handler is mounted.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Where the API is mounted (a servlet mapping ending in /*).
         *
         * @return the current value
         */
        public String getPath() {
            return path;
        }

        /**
         * Sets the mapping.
         *
         * @param path a servlet mapping starting with / and ending with /*
         * @throws IllegalArgumentException unless it starts with / and ends with /*
         */
        public void setPath(String path) {
            if (path == null || !path.startsWith("/") || !path.endsWith("/*")) {
                throw new IllegalArgumentException("batchcall.api.path must start with / and end with /*, but was '"
                        + path + "'");
            }
            this.path = path;
        }
    }

    /** Micrometer meters (with batchcall-micrometer and Micrometer on the classpath). */
    public static class Metrics {
        /** Whether the batchcall meters are registered. */
        private boolean enabled = true;
        /** Tag dials, outcomes and errors with the account for this many accounts (0 = no account tags, at most 100). */
        private int accountTags;
        /** How often the gauges are read from the database (1s to 10m). */
        private Duration refreshEvery = Duration.ofSeconds(15);

        /**
         * Whether the batchcall meters are registered.
         *
         * @return the current value
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the batchcall meters are registered.
         *
         * @param enabled the new value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Tag dials, outcomes and errors with the account for this many accounts (0 = no account tags, at most 100).
         *
         * @return the current value
         */
        public int getAccountTags() {
            return accountTags;
        }

        /**
         * Sets for how many accounts dials, outcomes and errors are tagged with the account (0 = no account tags, at most 100).
         *
         * @param accountTags the new value
         */
        public void setAccountTags(int accountTags) {
            this.accountTags = accountTags;
        }

        /**
         * How often the gauges are read from the database (1s to 10m).
         *
         * @return the current value
         */
        public Duration getRefreshEvery() {
            return refreshEvery;
        }

        /**
         * Sets how often the gauges are read from the database (1s to 10m).
         *
         * @param refreshEvery the new value
         */
        public void setRefreshEvery(Duration refreshEvery) {
            this.refreshEvery = refreshEvery;
        }
    }

    /** The health indicator (with Spring Boot's health support on the classpath). */
    public static class Health {
        /** The engine is reported down when no step has succeeded for this long while it runs (1s to 1h). */
        private Duration maxStepAge = Duration.ofMinutes(1);

        /**
         * The engine is reported down when no step has succeeded for this long while it runs (1s to 1h).
         *
         * @return the current value
         */
        public Duration getMaxStepAge() {
            return maxStepAge;
        }

        /**
         * Sets how long the engine may go without a successful step, while it runs, before it is reported down (1s to 1h).
         *
         * @param maxStepAge the new value
         */
        public void setMaxStepAge(Duration maxStepAge) {
            this.maxStepAge = maxStepAge;
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return BatchCallsProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BatchCallsProperties p = (BatchCallsProperties) target;
        if (p.nodeName != null && !p.nodeName.matches("[A-Za-z0-9._-]{1,64}")) {
            reject(errors, "nodeName", "batchcall.node-name must be 1-64 characters of letters, digits and . _ -, "
                    + "but was '" + p.nodeName + "'");
        }
        range(errors, "pollInterval", p.pollInterval, Duration.ofMillis(10), Duration.ofMinutes(1));
        range(errors, "eventInterval", p.eventInterval, Duration.ofMillis(10), Duration.ofMinutes(1));
        range(errors, "lease", p.lease, Duration.ofSeconds(10), Duration.ofHours(1));
        range(errors, "shutdownWait", p.shutdownWait, Duration.ZERO, Duration.ofMinutes(10));
        if (p.dialThreads < 1 || p.dialThreads > 256) {
            reject(errors, "dialThreads", "batchcall.dial-threads must be between 1 and 256, but was " + p.dialThreads);
        }
        if (!(p.callsPerSecond >= 0 && p.callsPerSecond <= 1000)) {
            reject(errors, "callsPerSecond", "batchcall.calls-per-second must be between 0 and 1000, but was "
                    + p.callsPerSecond);
        }
        try {
            ImportOptions.custom().defaultRegion(p.defaultRegion);
        } catch (IllegalArgumentException e) {
            reject(errors, "defaultRegion", "batchcall.default-region: " + e.getMessage());
        }
        if (p.jdbc.tablePrefix == null || !p.jdbc.tablePrefix.matches("([a-z][a-z0-9_]{0,29})?")) {
            reject(errors, "jdbc.tablePrefix", "batchcall.jdbc.table-prefix must be empty or 1-30 lower-case "
                    + "letters, digits and _, starting with a letter, but was '" + p.jdbc.tablePrefix + "'");
        }
        if (p.metrics.accountTags < 0 || p.metrics.accountTags > 100) {
            reject(errors, "metrics.accountTags", "batchcall.metrics.account-tags must be between 0 and 100, but was "
                    + p.metrics.accountTags);
        }
        range(errors, "metrics.refreshEvery", p.metrics.refreshEvery, Duration.ofSeconds(1), Duration.ofMinutes(10));
        range(errors, "health.maxStepAge", p.health.maxStepAge, Duration.ofSeconds(1), Duration.ofHours(1));
        validateTwilio(p.twilio, errors);
    }

    private static void validateTwilio(Twilio t, Errors errors) {
        if (t.accountSid == null) {
            return;
        }
        if (!t.accountSid.matches("AC[0-9a-fA-F]{32}")) {
            reject(errors, "twilio.accountSid", "batchcall.twilio.account-sid must be 'AC' followed by 32 hex digits, "
                    + "but was '" + t.accountSid + "'");
        }
        if (t.authToken == null || t.authToken.isBlank()) {
            reject(errors, "twilio.authToken", "batchcall.twilio.auth-token must be set when "
                    + "batchcall.twilio.account-sid is");
        }
        httpUrl(errors, "twilio.callbackBaseUrl", t.callbackBaseUrl);
        httpUrl(errors, "twilio.answerUrl", t.answerUrl);
        if (t.callbackPath == null || !t.callbackPath.matches("/[A-Za-z0-9._~/-]*")) {
            reject(errors, "twilio.callbackPath", "batchcall.twilio.callback-path must start with / and hold only "
                    + "letters, digits and . _ ~ / -, but was '" + t.callbackPath + "'");
        }
        range(errors, "twilio.requestTimeout", t.requestTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    private static void httpUrl(Errors errors, String field, URI url) {
        boolean ok = url != null && url.isAbsolute() && url.getHost() != null
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
        if (!ok) {
            reject(errors, field, property(field) + " must be an absolute http(s) URL when batchcall.twilio.account-sid "
                    + "is set, but was " + (url == null ? "not set" : "'" + url + "'"));
        }
    }

    private static void range(Errors errors, String field, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            reject(errors, field, property(field) + " must be between " + human(min) + " and " + human(max)
                    + ", but was " + (value == null ? "not set" : human(value)));
        }
    }

    private static void reject(Errors errors, String field, String message) {
        errors.rejectValue(field, "batchcall.invalid", message);
    }

    /** "metrics.accountTags" → "batchcall.metrics.account-tags". */
    static String property(String field) {
        return "batchcall." + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String human(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /**
     * Whether batchcall is auto-configured at all.
     *
     * @return the current value
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets whether batchcall is auto-configured at all.
     *
     * @param enabled the new value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Whether the engine loop starts with the application context (false: call runOnce() yourself).
     *
     * @return the current value
     */
    public boolean isAutoStart() {
        return autoStart;
    }

    /**
     * Sets whether the engine loop starts with the application context (false: call runOnce() yourself).
     *
     * @param autoStart the new value
     */
    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    /**
     * This engine node's name in claims, logs and thread names; default a random "node-xxxxxxxx".
     *
     * @return the current value
     */
    public String getNodeName() {
        return nodeName;
    }

    /**
     * Sets this engine node's name in claims, logs and thread names; default a random "node-xxxxxxxx".
     *
     * @param nodeName the new value
     */
    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    /**
     * How often the engine runs a step (10ms to 1m).
     *
     * @return the current value
     */
    public Duration getPollInterval() {
        return pollInterval;
    }

    /**
     * Sets how often the engine runs a step (10ms to 1m).
     *
     * @param pollInterval the new value
     */
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /**
     * How often status events are delivered to listeners (10ms to 1m).
     *
     * @return the current value
     */
    public Duration getEventInterval() {
        return eventInterval;
    }

    /**
     * Sets how often status events are delivered to listeners (10ms to 1m).
     *
     * @param eventInterval the new value
     */
    public void setEventInterval(Duration eventInterval) {
        this.eventInterval = eventInterval;
    }

    /**
     * Threads that place calls concurrently (1 to 256).
     *
     * @return the current value
     */
    public int getDialThreads() {
        return dialThreads;
    }

    /**
     * Sets the threads that place calls concurrently (1 to 256).
     *
     * @param dialThreads the new value
     */
    public void setDialThreads(int dialThreads) {
        this.dialThreads = dialThreads;
    }

    /**
     * How long a claim may stay unplaced before another node reconciles it (10s to 1h).
     *
     * @return the current value
     */
    public Duration getLease() {
        return lease;
    }

    /**
     * Sets how long a claim may stay unplaced before another node reconciles it (10s to 1h).
     *
     * @param lease the new value
     */
    public void setLease(Duration lease) {
        this.lease = lease;
    }

    /**
     * How long shutdown waits for dials in progress before interrupting them (0 to 10m).
     *
     * @return the current value
     */
    public Duration getShutdownWait() {
        return shutdownWait;
    }

    /**
     * Sets how long shutdown waits for dials in progress before interrupting them (0 to 10m).
     *
     * @param shutdownWait the new value
     */
    public void setShutdownWait(Duration shutdownWait) {
        this.shutdownWait = shutdownWait;
    }

    /**
     * Dials per second per from-number on this node (0 = unpaced, at most 1000).
     *
     * @return the current value
     */
    public double getCallsPerSecond() {
        return callsPerSecond;
    }

    /**
     * Sets the dials per second per from-number on this node (0 = unpaced, at most 1000).
     *
     * @param callsPerSecond the new value
     */
    public void setCallsPerSecond(double callsPerSecond) {
        this.callsPerSecond = callsPerSecond;
    }

    /**
     * Region assumed for CSV numbers without a country code (ISO 3166, e.g. US; ZZ = none).
     *
     * @return the current value
     */
    public String getDefaultRegion() {
        return defaultRegion;
    }

    /**
     * Sets the region assumed for CSV numbers without a country code (ISO 3166, e.g. US; ZZ = none).
     *
     * @param defaultRegion the new value
     */
    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * The JDBC storage settings ({@code batchcall.jdbc.*}).
     *
     * @return the current value
     */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /**
     * The Twilio adapter settings ({@code batchcall.twilio.*}).
     *
     * @return the current value
     */
    public Twilio getTwilio() {
        return twilio;
    }

    /**
     * The Micrometer metrics settings ({@code batchcall.metrics.*}).
     *
     * @return the current value
     */
    public Metrics getMetrics() {
        return metrics;
    }

    /**
     * The HTTP API settings ({@code batchcall.api.*}).
     *
     * @return the current value
     */
    public Api getApi() {
        return api;
    }

    /**
     * The health indicator settings ({@code batchcall.health.*}).
     *
     * @return the current value
     */
    public Health getHealth() {
        return health;
    }
}
