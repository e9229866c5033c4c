package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.batchcall.model.AccountId;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's servlet mounting, compiled and run against a mocked container. */
class ServletMountingTest {

    /** As in README.md. */
    static final class BatchCallsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient BatchCallsApi api;

        BatchCallsServlet(BatchCallsApi api) {
            this.api = api;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            AccountId account = (AccountId) req.getAttribute("account");   // set by your auth filter
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
            r.body().writeTo(res.getOutputStream());   // streams flush as they write
        }
    }

    @Test
    void createsABatchThroughTheServlet() throws Exception {
        try (ApiFixture f = new ApiFixture()) {
            byte[] body = ApiFixture.draftJson("Via servlet").getBytes(StandardCharsets.UTF_8);
            HttpServletRequest req = mock(HttpServletRequest.class);
            when(req.getAttribute("account")).thenReturn(ACME);
            when(req.getMethod()).thenReturn("POST");
            when(req.getPathInfo()).thenReturn("/batches");
            when(req.getHeaderNames()).thenReturn(Collections.enumeration(List.of("Content-Type")));
            when(req.getHeaders("Content-Type")).thenReturn(Collections.enumeration(List.of("application/json")));
            when(req.getParameterMap()).thenReturn(Map.of());
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            when(req.getInputStream()).thenReturn(new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            HttpServletResponse res = mock(HttpServletResponse.class);
            when(res.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            });
            new BatchCallsServlet(f.api).service(req, res);
            verify(res).setStatus(201);
            verify(res).setHeader("Content-Type", "application/json");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"name\":\"Via servlet\"");
        }
    }
}
