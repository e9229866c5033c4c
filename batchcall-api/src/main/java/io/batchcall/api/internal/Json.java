package io.batchcall.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one configured Jackson mapper: snake_case, strict about unknown fields and types. */
public final class Json {
    /** Shared, thread-safe once configured. */
    public static final ObjectMapper MAPPER = create();

    private Json() {
    }

    static ObjectMapper create() {
        ObjectMapper m = new ObjectMapper();
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build());
        return m;
    }

    /** Reads a request body into {@code type}, turning Jackson's errors into 400 problems. */
    public static <T> T read(InputStream in, Class<T> type) {
        return mapped(() -> MAPPER.readValue(in, type));
    }

    /** Converts a parsed JSON tree into {@code type}, with the same 400 problems as {@link #read}. */
    public static <T> T convert(com.fasterxml.jackson.databind.JsonNode node, Class<T> type) {
        return mapped(() -> MAPPER.treeToValue(node, type));
    }

    private interface Reading<T> {
        T get() throws IOException;
    }

    private static <T> T mapped(Reading<T> reading) {
        try {
            return reading.get();
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest("unknown-field", "unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds(), e.getPropertyName(), null);
        } catch (InvalidFormatException e) {
            String field = path(e);
            throw ApiProblem.badRequest("wrong-type", field + " must be " + simple(e.getTargetType()) + ", but was '"
                    + e.getValue() + "'", field, String.valueOf(e.getValue()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ApiProblem.badRequest("malformed-json", "the body must be a JSON object: "
                        + e.getOriginalMessage(), "body", null);
            }
            throw ApiProblem.badRequest("wrong-type", field + " must be " + simple(e.getTargetType())
                    + ": " + e.getOriginalMessage(), field, null);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("malformed-json", "the body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage(), "body", null);
        } catch (IOException e) {
            if (e.getCause() instanceof ApiProblem p) {
                throw p;
            }
            throw ApiProblem.badRequest("incomplete-body", "the body could not be read whole: " + e.getMessage(),
                    "body", null);
        }
    }

    /** Serialises {@code value}; our view types always serialise. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String simple(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
