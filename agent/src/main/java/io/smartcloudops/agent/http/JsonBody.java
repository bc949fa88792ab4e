package io.smartcloudops.agent.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import io.smartcloudops.agent.config.JacksonMessages;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The body a route takes, and the one reader of request bodies ({@link ApiRoutes#post} reads every body
 * through it). Strict, so that a body means one thing: {@code Content-Type: application/json} (UTF-8) or
 * 415; exactly one JSON object, no trailing content; no key given twice (a lenient reader lets the last
 * {@code "dry_run"} win); no unknown field; no scalar coerced into another type ({@code "true"} or {@code 1}
 * for a boolean, a number for a string, a string for a number); otherwise 400 naming the field and the
 * problem.
 *
 * @param type       the record the body is read into
 * @param whenAbsent what an empty body means; null when the body is required
 */
public record JsonBody<T>(Class<T> type, Supplier<T> whenAbsent) {

    private static final ObjectMapper STRICT = strictMapper();

    /** A body the route cannot do without. */
    public static <T> JsonBody<T> required(Class<T> type) {
        return new JsonBody<>(type, null);
    }

    /** A body that may be left out (no bytes at all); then {@code whenAbsent} stands for it. */
    public static <T> JsonBody<T> optional(Class<T> type, Supplier<T> whenAbsent) {
        return new JsonBody<>(type, whenAbsent);
    }

    /** What a route does with its body. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(Context ctx, T body) throws Exception;
    }

    /** Reads the request's body, or answers 400/415 naming what is wrong with it. */
    public T read(Context ctx) {
        String text = ctx.body();
        if (text.isBlank() && whenAbsent != null) {
            return whenAbsent.get();
        }
        checkContentType(ctx.header("Content-Type"));
        if (text.isBlank()) {
            throw ApiException.badParameter("body", "a JSON object is required (fields: " + fields() + ")");
        }
        return parse(text);
    }

    static void checkContentType(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(415, "unsupported media type",
                    "Content-Type: missing; send the body as application/json");
        }
        String[] parts = header.split(";");
        boolean json = parts[0].strip().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] kv = parts[i].strip().split("=", 2);
            json = kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")
                    && kv[1].strip().replace("\"", "").equalsIgnoreCase("utf-8");
        }
        if (!json) {
            throw new ApiException(415, "unsupported media type", "Content-Type: '" + UntrustedText.printable(header)
                    + "' is not accepted; send the body as application/json (UTF-8)");
        }
    }

    T parse(String text) {
        ObjectReader reader = STRICT.readerFor(type);
        try (JsonParser p = STRICT.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.badParameter("body", "must be a JSON object (fields: " + fields() + ")");
            }
            T value = reader.readValue(p);
            JsonToken next;
            try {
                next = p.nextToken();
            } catch (JsonProcessingException e) {
                next = JsonToken.NOT_AVAILABLE;
            }
            if (next != null) {
                throw ApiException.badParameter("body", "trailing content after the JSON object (send exactly one object)");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badParameter(path(e), "unknown field (accepted: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", ")) + ")");
        } catch (ValueInstantiationException e) {
            String why = e.getCause() == null || e.getCause().getMessage() == null ? "not a valid value" : e.getCause().getMessage();
            throw ApiException.badParameter(orBody(path(e)), UntrustedText.printable(why));
        } catch (MismatchedInputException e) {
            throw ApiException.badParameter(orBody(path(e)), "must be " + expected(e.getTargetType())
                    + got(e.getProcessor() instanceof JsonParser p ? p : null));
        } catch (JsonMappingException e) {
            // A body cut short inside a list or a map ({"alerts":[) reaches here wrapped by the collection's reader.
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw notJson(syntax);
            }
            throw ApiException.badParameter(orBody(path(e)), "wrong type or value");
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw ApiException.badParameter("body", "unreadable");
        }
    }

    private static ApiException notJson(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser p) {
            String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            return ApiException.badParameter(UntrustedText.printable(path(p.getParsingContext(), name)),
                    "given more than once (a key may appear once)");
        }
        String why = JacksonMessages.firstLine(message).split(" \\(|;", 2)[0];
        return ApiException.badParameter("body", "not valid JSON (" + UntrustedText.printable(why) + ")");
    }

    private String fields() {
        return Arrays.stream(type.getRecordComponents()).map(c -> snake(c.getName())).collect(Collectors.joining(", "));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String orBody(String path) {
        return path.isEmpty() ? "body" : path;
    }

    /** {@code params.unit}, {@code items[2]}: where in the body the problem is (names are the client's text). */
    private static String path(JsonMappingException e) {
        return UntrustedText.printable(JacksonMessages.path(e));
    }

    private static String path(JsonStreamContext ctx, String leaf) {
        Deque<String> parts = new ArrayDeque<>();
        parts.push(leaf);
        for (JsonStreamContext c = ctx.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false (a JSON boolean)";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "a whole number";
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "a number";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Iterable.class.isAssignableFrom(target) || target.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String got(JsonParser p) {
        if (p == null || p.currentToken() == null) {
            return "";
        }
        return switch (p.currentToken()) {
            case VALUE_STRING -> {
                try {
                    yield p.getText().isEmpty() ? ", not an empty string" : ", not a string";
                } catch (IOException e) {
                    yield ", not a string";
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", not a number";
            case VALUE_TRUE, VALUE_FALSE -> ", not a boolean";
            case VALUE_NULL -> ", not null";
            case START_ARRAY -> ", not an array";
            case START_OBJECT -> ", not an object";
            default -> "";
        };
    }

    /**
     * The project's mapper with every leniency a request could exploit turned off (trailing content is
     * checked by {@link #parse} itself, to name it). Jackson's coercion
     * configuration is per mapper, so this is a copy: {@link Json#mapper()} stays as it is for responses.
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper m = Json.mapper().copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        Map<LogicalType, CoercionInputShape[]> refused = Map.of(
                LogicalType.Boolean, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.String, CoercionInputShape.EmptyString},
                LogicalType.Textual, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean},
                LogicalType.Integer, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.Float,
                        CoercionInputShape.Boolean, CoercionInputShape.EmptyString},
                LogicalType.Float, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString},
                LogicalType.Enum, new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.EmptyString},
                LogicalType.POJO, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.Integer, CoercionInputShape.Boolean},
                LogicalType.Map, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.EmptyString},
                LogicalType.Collection, new CoercionInputShape[] {CoercionInputShape.String, CoercionInputShape.EmptyString});
        refused.forEach((type, shapes) -> {
            for (CoercionInputShape shape : shapes) {
                m.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        });
        return m;
    }
}
