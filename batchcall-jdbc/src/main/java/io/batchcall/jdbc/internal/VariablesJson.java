package io.batchcall.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A recipient's variables as a JSON object of strings, in column order; streamed, as imports write millions. */
public final class VariablesJson {
    private static final JsonFactory JSON = new JsonFactory();

    private VariablesJson() {
    }

    public static String write(Map<String, String> variables) {
        if (variables.isEmpty()) {
            return "{}";
        }
        StringWriter out = new StringWriter(32 * variables.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : variables.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static Map<String, String> read(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("recipient variables must be a JSON object, but were: " + json);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                out.put(name, p.getValueAsString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("recipient variables are not valid JSON: " + json, e);
        }
        return Collections.unmodifiableMap(out);
    }
}
