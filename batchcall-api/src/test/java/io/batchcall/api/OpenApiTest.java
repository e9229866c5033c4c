package io.batchcall.api;

import static io.batchcall.api.ApiFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.batchcall.api.ApiFixture.Res;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the handler agree: every route documented, every documented route answers. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private final ApiFixture f = new ApiFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private Set<String> documented() {
        JsonNode doc = f.get(ACME, "/openapi.json").json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> out = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m)) {
                    out.add(m.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return out;
    }

    @Test
    void everyRouteIsDocumentedAndNothingElse() {
        assertThat(documented()).isEqualTo(new TreeSet<>(f.api.routes()));
    }

    @Test
    void everyDocumentedRouteAnswers() {
        long id = f.draftWithRecipients(ACME, "Probe");
        long recipient = f.get(ACME, "/batches/" + id + "/recipients").json().get("items").get(0).get("id").asLong();
        List<String> failures = new ArrayList<>();
        List<String> routes = new ArrayList<>(documented());
        routes.sort(java.util.Comparator.comparing(r -> r.startsWith("DELETE"))); // delete the draft last
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{id}", Long.toString(id))
                    .replace("{recipient_id}", Long.toString(recipient));
            if (path.endsWith("/events")) {
                path += "?after=0"; // a stream: only the status and headers are checked below
            }
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            ApiResponse r = f.api.handle(new ApiRequest(ACME, method, path.contains("?")
                    ? path.substring(0, path.indexOf('?')) : path, Map.of(), body == null ? Map.of()
                    : Map.of("Content-Type", List.of("application/json")), new java.io.ByteArrayInputStream(
                    body == null ? new byte[0] : body.getBytes())));
            if (r.status() == 404 || r.status() == 405) {
                failures.add(route + " -> " + r.status() + " " + (r.streaming() ? "" : r.bodyAsString()));
            }
        }
        assertThat(failures).isEmpty();
        Res doc = f.get(ACME, "/openapi.json");
        assertThat(doc.headers().get("Content-Type")).isEqualTo("application/json");
    }
}
