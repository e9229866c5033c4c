package io.batchcall.twilio;

import io.batchcall.twilio.internal.Urls;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of a {@link TwilioTelephony}; from {@link TwilioTelephony#builder}. Every setter checks
 * its argument at once and names it and the bad value in the message (the auth token's value is
 * never shown). Not thread-safe; the built adapter is.
 */
public final class TwilioTelephonyBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioTelephony.class);
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    /** Twilio's REST host. */
    public static final URI DEFAULT_API_BASE = URI.create("https://api.twilio.com");
    /** The default time one request to Twilio may take: 10 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String accountSid;
    private final String authToken;
    private final URI statusCallbackUrl;
    private final URI answerUrl;
    private URI apiBase = DEFAULT_API_BASE;
    private HttpClient httpClient;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    TwilioTelephonyBuilder(String accountSid, String authToken, URI statusCallbackUrl, URI answerUrl) {
        if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("accountSid must be 'AC' followed by 32 hex digits, but was "
                    + (accountSid == null ? "null" : "'" + accountSid + "'"));
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken must not be " + (authToken == null ? "null" : "blank"));
        }
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.statusCallbackUrl = httpUrl("statusCallbackUrl", statusCallbackUrl);
        this.answerUrl = httpUrl("answerUrl", answerUrl);
    }

    /**
     * Where Twilio's API is; default {@code https://api.twilio.com} (tests point it at a fake).
     * It must be {@code https}, except on this machine ({@code localhost}, 127.0.0.0/8, {@code ::1}):
     * the requests carry the account's credentials.
     *
     * @param apiBase the API's base URI
     * @return this builder
     * @throws IllegalArgumentException if it is not {@code https} and not on this machine
     */
    public TwilioTelephonyBuilder apiBase(URI apiBase) {
        URI checked = httpUrl("apiBase", apiBase);
        if (checked.getRawQuery() != null) {
            throw new IllegalArgumentException("apiBase must not have a query, but was '" + Urls.redacted(apiBase) + "'");
        }
        if (checked.getRawUserInfo() != null) {
            throw new IllegalArgumentException("apiBase must not carry user-info (the credentials are the account sid "
                    + "and auth token), but was '" + Urls.redacted(apiBase) + "'");
        }
        if (!checked.getScheme().equalsIgnoreCase("https") && !Urls.isLoopback(checked.getHost())) {
            throw new IllegalArgumentException("apiBase must be https (plain http only to this machine), but was '"
                    + Urls.redacted(apiBase) + "'");
        }
        this.apiBase = checked;
        return this;
    }

    /**
     * The HTTP client; default a new one with a connect timeout equal to the request timeout and
     * no redirects. A client given here is used as it is (its proxy settings are the caller's),
     * but it must not follow redirects: a redirect would carry the account's credentials to
     * another host.
     *
     * @param httpClient the client to send requests with; not null
     * @return this builder
     * @throws IllegalArgumentException if its redirect policy is not {@code NEVER}
     */
    public TwilioTelephonyBuilder httpClient(HttpClient httpClient) {
        Objects.requireNonNull(httpClient, "httpClient must not be null");
        if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("httpClient must not follow redirects (a redirect would send the "
                    + "account's credentials to another host), but its redirect policy was "
                    + httpClient.followRedirects() + "; build it with followRedirects(HttpClient.Redirect.NEVER)");
        }
        this.httpClient = httpClient;
        return this;
    }

    /**
     * How long one request may take before it counts as ambiguous (placing) or failed; default 10 s.
     *
     * @param requestTimeout positive, at most 5 min
     * @return this builder
     * @throws IllegalArgumentException if requestTimeout is not positive or above 5 min
     */
    public TwilioTelephonyBuilder requestTimeout(Duration requestTimeout) {
        Objects.requireNonNull(requestTimeout, "requestTimeout must not be null");
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("requestTimeout must be positive and at most 5 min, but was "
                    + requestTimeout);
        }
        this.requestTimeout = requestTimeout;
        return this;
    }

    /**
     * Only for reading a {@code Retry-After} given as a date; default UTC system clock.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public TwilioTelephonyBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        return this;
    }

    /**
     * Builds the adapter and logs its effective settings once (never the auth token).
     *
     * @return the adapter
     */
    public TwilioTelephony build() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        }
        TwilioTelephony telephony = new TwilioTelephony(this);
        LOG.info("Twilio telephony for account {}: API {}, status callbacks {}, answer URL {}, request timeout {}",
                accountSid, Urls.redacted(apiBase), Urls.redacted(statusCallbackUrl), Urls.redacted(answerUrl),
                requestTimeout);
        for (URI url : new URI[] {statusCallbackUrl, answerUrl}) {
            if (!url.getScheme().equalsIgnoreCase("https") && !Urls.isLoopback(url.getHost())) {
                LOG.warn("Twilio will call {} over plain http: call details travel unencrypted; serve it over https",
                        Urls.redacted(url));
            }
        }
        return telephony;
    }

    static URI httpUrl(String field, URI url) {
        if (url == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URL with a host, but was '"
                    + Urls.redacted(url) + "'");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException(field + " must not have a fragment, but was '" + Urls.redacted(url)
                    + "'");
        }
        return url;
    }

    String accountSid() {
        return accountSid;
    }

    String authToken() {
        return authToken;
    }

    URI statusCallbackUrl() {
        return statusCallbackUrl;
    }

    URI answerUrl() {
        return answerUrl;
    }

    URI apiBase() {
        return apiBase;
    }

    HttpClient httpClient() {
        return httpClient;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    Clock clock() {
        return clock;
    }
}
