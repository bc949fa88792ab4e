package io.smartcloudops.agent.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.EventStream;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.events.EventTypes;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /query} (viewer role). A viewer's question may create a proposal; only an operator can
 * approve it. Answers are also sent to {@code /events} as {@code chat}.
 */
public final class ChatRoutes implements RouteGroup {

    private static final Set<String> FIELDS = Set.of("question", "conversation_id");

    private final ChatService chat;
    private final Clock clock;

    public ChatRoutes(ChatService chat, EventStream events, Clock clock) {
        this.chat = chat;
        this.clock = clock;
        events.forward(ChatAnswered.class, EventTypes.CHAT, ChatAnswered::response);
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/query", Role.VIEWER, this::query);
    }

    private void query(Context ctx) {
        RequestParams.of(ctx, clock);
        QueryRequest request = body(ctx.body());
        try {
            ctx.json(chat.ask(request.question(), request.conversationId(), ApiRoutes.principal(ctx).name()));
        } catch (QuestionRejected e) {
            throw ApiException.badParameter(e.field(), e.reason());
        } catch (ChatRateLimited e) {
            long seconds = e.retryAfterSeconds();
            throw new ApiException(429, "too many requests", "this token asked more than the chat allows per minute; "
                    + "retry in " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    /** Strict: a JSON object with {@code question} and optional {@code conversation_id}, both strings. */
    static QueryRequest body(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badParameter("body", "a JSON object {\"question\": \"...\"} is required");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split(" \\(|\n|;", 2)[0];
            throw ApiException.badParameter("body", "not valid JSON (" + why + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badParameter("body", "must be a JSON object {\"question\": \"...\"}");
        }
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badParameter(name.length() > 40 ? name.substring(0, 40) + "..." : name,
                        "unknown field (accepted: question, conversation_id)");
            }
            JsonNode v = tree.get(name);
            if (!v.isNull() && !v.isTextual()) {
                throw ApiException.badParameter(name, "must be a string");
            }
        }
        return new QueryRequest(text(tree, "question"), text(tree, "conversation_id"));
    }

    private static String text(JsonNode tree, String name) {
        JsonNode v = tree.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
