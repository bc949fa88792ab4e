package io.smartcloudops.agent.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.smartcloudops.agent.config.JacksonMessages;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.api.Json;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Strict JSON request bodies: unknown fields, wrong types and broken JSON are a 400 naming the field (as
 * {@code RemediationRoutes} reads its bodies).
 */
final class JsonBody {

    private JsonBody() {
    }

    /** The body as {@code type}; null when it is empty. */
    static <T> T read(Context ctx, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            return null;
        }
        try {
            return Json.strictReader(type).readValue(text);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
            throw ApiException.badParameter(JacksonMessages.path(e), "unknown field (accepted: " + known + ")");
        } catch (JsonMappingException e) {
            String p = JacksonMessages.path(e);
            throw ApiException.badParameter(p.isEmpty() ? "body" : p, "wrong type or value: " + JacksonMessages.firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ApiException.badParameter("body", "not valid JSON: " + JacksonMessages.firstLine(e.getOriginalMessage()));
        }
    }
}
