package io.batchcall.spring.boot;

import io.batchcall.api.ApiRequest;
import io.batchcall.api.ApiResponse;
import io.batchcall.api.BatchCallsApi;
import io.batchcall.model.AccountId;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP API mounted at {@code batchcall.api.path}: the request goes to the handler as it came. */
final class BatchCallsApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient BatchCallsApi api;
    private final transient BatchCallsAccountResolver accounts;

    BatchCallsApiServlet(BatchCallsApi api, BatchCallsAccountResolver accounts) {
        this.api = api;
        this.accounts = accounts;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        AccountId account = accounts.accountOf(req);
        if (account == null) {
            res.setStatus(401);
            res.setContentType("application/problem+json");
            res.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"the request carries no authenticated account\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        Map<String, List<String>> query = new HashMap<>();
        req.getParameterMap().forEach((k, v) -> query.put(k, List.of(v)));
        ApiResponse r = api.handle(new ApiRequest(account, req.getMethod(),
                req.getPathInfo() == null ? "/" : req.getPathInfo(), query, headers, req.getInputStream()));
        res.setStatus(r.status());
        r.headers().forEach(res::setHeader);
        OutputStream out = res.getOutputStream();
        r.body().writeTo(out);
        out.flush();
    }
}
