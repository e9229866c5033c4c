package io.batchcall.api.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchcall.api.ApiResponse;
import io.batchcall.api.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds responses: JSON, problem+json, CSV and streams. */
final class Responses {
    private Responses() {
    }

    static ApiResponse json(int status, Object value) {
        byte[] bytes = Json.bytes(value);
        return new ApiResponse(status, Map.of("Content-Type", Media.JSON, "Cache-Control", "no-store"),
                out -> out.write(bytes), false);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), ResponseBody.EMPTY, false);
    }

    static ApiResponse csv(String filename, ResponseBody body) {
        return new ApiResponse(200, Map.of("Content-Type", Media.CSV, "Content-Disposition",
                "attachment; filename=\"" + filename + "\"", "Cache-Control", "no-store"), body, true);
    }

    static ApiResponse text(String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ApiResponse(200, Map.of("Content-Type", contentType), out -> out.write(bytes), false);
    }

    static ApiResponse events(ResponseBody body) {
        return new ApiResponse(200, Map.of("Content-Type", Media.SSE + "; charset=utf-8", "Cache-Control", "no-store",
                "X-Accel-Buffering", "no"), body, true);
    }

    static ApiResponse problem(ApiProblem p, String instance) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "https://batchcall.io/problems/" + p.type());
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.getMessage());
        n.put("instance", instance);
        if (p.field() != null) {
            n.put("field", p.field());
        }
        if (p.rule() != null) {
            n.put("rule", p.rule());
        }
        if (p.value() != null) {
            n.set("value", Json.MAPPER.valueToTree(p.value()));
        }
        byte[] bytes = Json.bytes(n);
        Map<String, String> headers = new LinkedHashMap<>(p.headers());
        headers.put("Content-Type", Media.PROBLEM);
        headers.put("Cache-Control", "no-store");
        return new ApiResponse(p.status(), headers, out -> out.write(bytes), false);
    }
}
