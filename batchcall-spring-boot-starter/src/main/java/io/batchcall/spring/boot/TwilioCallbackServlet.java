package io.batchcall.spring.boot;

import io.batchcall.twilio.TwilioStatusCallbacks;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's status callbacks, mounted at {@code batchcall.twilio.callback-path}. The signature is
 * checked over the configured public URL (what Twilio was given, so it holds behind a proxy) plus
 * the request's query, and over the posted form parameters.
 */
final class TwilioCallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;

    private final transient TwilioStatusCallbacks callbacks;
    private final URI publicUrl;

    TwilioCallbackServlet(TwilioStatusCallbacks callbacks, URI publicUrl) {
        this.callbacks = callbacks;
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String query = req.getQueryString();
        String fullUrl = publicUrl + (query == null ? "" : "?" + query);
        String signature = req.getHeader("X-Twilio-Signature");
        String body = readBody(req);
        TwilioStatusCallbacks.Result result = body.isEmpty() && !req.getParameterMap().isEmpty()
                ? callbacks.handle(fullUrl, formOnly(req, query), signature)
                : callbacks.handle(fullUrl, body, signature);
        resp.setStatus(result.httpStatus());
        if (result.reason() != null) {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(result.reason());
        }
    }

    private static String readBody(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("status callback body is larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** When a filter already parsed the body: the parameters minus those of the query string. */
    private static Map<String, List<String>> formOnly(HttpServletRequest req, String query) {
        Set<String> fromQuery = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                fromQuery.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (!fromQuery.contains(k)) {
                out.put(k, new ArrayList<>(Arrays.asList(v)));
            }
        });
        return out;
    }
}
