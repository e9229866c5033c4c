package io.batchcall.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the page's files from the classpath; {@code /} is {@code index.html}. */
final class StaticFiles implements HttpHandler {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "csv", "text/csv; charset=utf-8");

    private final String root;

    StaticFiles(String root) {
        this.root = root;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                path = "/index.html";
            }
            String ext = path.substring(path.lastIndexOf('.') + 1);
            if (!exchange.getRequestMethod().equals("GET") || path.contains("..") || !TYPES.containsKey(ext)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = StaticFiles.class.getResourceAsStream(root + path)) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", TYPES.get(ext));
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }
}
