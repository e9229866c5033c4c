package io.batchcall.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.batchcall.model.AccountId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Mounts a {@link BatchCallsApi} in the JDK's {@code com.sun.net.httpserver.HttpServer}:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.setExecutor(Executors.newFixedThreadPool(32)); // event streams hold a thread each
 * server.createContext("/api", JdkHttpHandler.of(api, exchange -> myAuth.account(exchange)));
 * server.start();
 * }</pre>
 *
 * The context path is stripped before routing. The account function authenticates: a null account
 * answers 401 and the API is not called. Give the server a multi-threaded executor: the default
 * runs one exchange at a time, and an event stream keeps its exchange open.
 */
public final class JdkHttpHandler implements HttpHandler {
    private final BatchCallsApi api;
    private final Function<HttpExchange, AccountId> accounts;

    private JdkHttpHandler(BatchCallsApi api, Function<HttpExchange, AccountId> accounts) {
        this.api = Objects.requireNonNull(api, "api must not be null");
        this.accounts = Objects.requireNonNull(accounts, "accounts must not be null");
    }

    /**
     * A handler answering for the account {@code accounts} finds in each exchange (null: 401).
     *
     * @param api the API to answer with
     * @param accounts finds the authenticated account of an exchange; null answers 401
     * @return the handler
     */
    public static JdkHttpHandler of(BatchCallsApi api, Function<HttpExchange, AccountId> accounts) {
        return new JdkHttpHandler(api, accounts);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            AccountId account = accounts.apply(exchange);
            if (account == null) {
                byte[] body = ("{\"type\":\"https://batchcall.io/problems/unauthenticated\",\"title\":\"Unauthenticated\","
                        + "\"status\":401}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String context = exchange.getHttpContext().getPath();
            String path = exchange.getRequestURI().getRawPath();
            if (!context.equals("/") && path.startsWith(context)) {
                path = path.substring(context.endsWith("/") ? context.length() - 1 : context.length());
            }
            path = path.isEmpty() ? "/" : URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            ApiRequest request = new ApiRequest(account, exchange.getRequestMethod(), path,
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(),
                    exchange.getRequestBody());
            write(exchange, api.handle(request));
        }
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (response.streaming()) {
            exchange.sendResponseHeaders(response.status(), 0);
            OutputStream out = exchange.getResponseBody();
            response.body().writeTo(out);
            out.flush();
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        response.body().writeTo(buffer);
        if (buffer.size() == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), buffer.size());
        buffer.writeTo(exchange.getResponseBody());
    }

    /** Decodes {@code a=1&b=x%20y&a=2}. */
    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
