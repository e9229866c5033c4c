package io.batchcall.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.batchcall.BatchCalls;
import io.batchcall.BatchSummary;
import io.batchcall.csv.ImportOptions;
import io.batchcall.csv.ImportReport;
import io.batchcall.csv.Rejection;
import io.batchcall.jdbc.JdbcCreditLedger;
import io.batchcall.jdbc.JdbcStorage;
import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.BatchSpec;
import io.batchcall.model.BatchStatus;
import io.batchcall.model.Money;
import io.batchcall.model.PhoneNumber;
import io.batchcall.schedule.CallWindow;
import io.batchcall.twilio.TwilioStatusCallbacks;
import io.batchcall.twilio.TwilioTelephony;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Twilio wiring: a real campaign through your Twilio account. It stores everything in an H2 file
 * ({@code ./batchcall-twilio-example}), serves Twilio's status callbacks and the answer TwiML from
 * the JDK's HTTP server, imports the CSV given as the argument, calls inside 09:00-20:00 on
 * weekdays, and prints every status change until the batch completes.
 *
 * <p>Twilio must reach this program: run it behind a public HTTPS address (a tunnel such as
 * ngrok to {@code PORT}) and give that address as {@code PUBLIC_URL}. Environment:
 * <ul>
 *   <li>{@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, {@code TWILIO_FROM} (a number of
 *   your account, E.164) and {@code PUBLIC_URL} (e.g. {@code https://abc.ngrok.app}): required;</li>
 *   <li>{@code PORT} (8080), {@code TIME_ZONE} (America/New_York), {@code CREDIT_USD} (5.00),
 *   {@code TWILIO_API_BASE} (https://api.twilio.com): optional.</li>
 * </ul>
 * Usage: {@code java -cp ... io.batchcall.examples.TwilioCampaign recipients.csv}
 */
public final class TwilioCampaign {
    private static final AccountId ACCOUNT = AccountId.of("twilio-example");
    private static final Set<BatchStatus> ENDED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.CANCELLED,
            BatchStatus.FAILED);

    private TwilioCampaign() {
    }

    public static void main(String[] args) throws Exception {
        List<String> missing = new ArrayList<>();
        String sid = env("TWILIO_ACCOUNT_SID", null, missing);
        String token = env("TWILIO_AUTH_TOKEN", null, missing);
        String from = env("TWILIO_FROM", null, missing);
        String publicUrl = env("PUBLIC_URL", null, missing);
        if (!missing.isEmpty() || args.length != 1) {
            System.err.println("usage: TwilioCampaign recipients.csv, with " + String.join(", ", missing.isEmpty()
                    ? List.of("the environment set") : missing) + " (see the class comment)");
            System.exit(2);
        }
        int port = Integer.parseInt(env("PORT", "8080", missing));
        ZoneId zone = ZoneId.of(env("TIME_ZONE", "America/New_York", missing));
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;

        Clock clock = Clock.systemUTC();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:./batchcall-twilio-example");
        JdbcStorage storage = JdbcStorage.builder(h2).clock(clock).migrate(true).build();
        JdbcCreditLedger ledger = JdbcCreditLedger.builder(h2).clock(clock).migrate(true).build();
        TwilioTelephony twilio = TwilioTelephony.builder(sid, token, URI.create(base + "/twilio/status"),
                URI.create(base + "/twilio/answer"))
                .apiBase(URI.create(env("TWILIO_API_BASE", "https://api.twilio.com", missing))).build();

        try (BatchCalls calls = BatchCalls.builder(storage, twilio, ledger).clock(clock).nodeName("twilio-example")
                .listener(new StatusPrinter(true)).build()) {
            TwilioStatusCallbacks callbacks = TwilioStatusCallbacks.create(sid, token, calls.statusSink(), clock);
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/twilio/status", exchange -> status(exchange, base, callbacks));
            server.createContext("/twilio/answer", TwilioCampaign::answer);
            server.start();

            Money credit = Money.usd(env("CREDIT_USD", "5.00", missing));
            ledger.topUp(ACCOUNT, credit, "twilio-example-" + credit);
            BatchSpec spec = BatchSpec.builder("Twilio example", ACCOUNT, PhoneNumber.parse(from, "US"),
                    CallWindow.of(LocalTime.of(9, 0), LocalTime.of(20, 0), zone)).build();
            Batch draft = calls.createDraft(spec);
            ImportReport report;
            try (InputStream csv = Files.newInputStream(Path.of(args[0]))) {
                report = calls.importRecipients(draft.id(), csv, ImportOptions.ofDefaults());
            }
            System.out.printf("%s: %d rows, %d accepted, %d duplicates, %d rejected%n", args[0], report.rowsRead(),
                    report.accepted(), report.duplicates(), report.rejected());
            for (Rejection r : report.rejections()) {
                System.out.printf("  line %d, %s '%s': %s%n", r.line(), r.column(), r.value(), r.reason());
            }
            calls.send(draft.id());
            calls.start();
            BatchSummary summary = calls.batch(draft.id());
            while (!ENDED.contains(summary.batch().status())) {
                Thread.sleep(1000);
                summary = calls.batch(draft.id());
            }
            System.out.printf("batch %s %s: %s%n", draft.id(), summary.batch().status().wireName(), summary.counts());
            server.stop(1);
        }
        System.exit(0);
    }

    /**
     * Twilio's status callback: the URL it used is the public base plus the path and query. The
     * handler reads at most its cap of the body (64 KB), and nothing before the signature header
     * has been checked.
     */
    private static void status(HttpExchange exchange, String base, TwilioStatusCallbacks callbacks) throws IOException {
        TwilioStatusCallbacks.Result result;
        try (InputStream body = exchange.getRequestBody()) {
            result = callbacks.handle(base + exchange.getRequestURI(), body,
                    exchange.getRequestHeaders().getFirst("X-Twilio-Signature"));
        }
        if (!result.accepted()) {
            System.err.println("refused a status callback: " + result.reason());
        }
        exchange.sendResponseHeaders(result.httpStatus(), -1);
        exchange.close();
    }

    /** What an answered call hears (Twilio fetches it from the call's answer URL). */
    private static void answer(HttpExchange exchange) throws IOException {
        byte[] twiml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hello, this is a reminder "
                + "from the batch call example. Goodbye.</Say></Response>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(200, twiml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(twiml);
        }
    }

    private static String env(String name, String fallback, List<String> missing) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                missing.add(name);
            }
            return fallback;
        }
        return value.trim();
    }
}
