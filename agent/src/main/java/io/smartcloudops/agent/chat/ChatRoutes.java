package io.smartcloudops.agent.chat;

import io.javalin.http.Context;
import io.smartcloudops.agent.auth.Role;
import io.smartcloudops.agent.http.ApiException;
import io.smartcloudops.agent.http.ApiRoutes;
import io.smartcloudops.agent.http.EventStream;
import io.smartcloudops.agent.http.JsonBody;
import io.smartcloudops.agent.http.RequestParams;
import io.smartcloudops.agent.http.RouteGroup;
import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.events.EventTypes;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /query} (viewer role). A viewer's question may create a proposal; only an operator can
 * approve it. Answers are also sent to {@code /events} as {@code chat}.
 */
public final class ChatRoutes implements RouteGroup {

    private final ChatService chat;
    private final Clock clock;

    public ChatRoutes(ChatService chat, EventStream events, Clock clock) {
        this.chat = chat;
        this.clock = clock;
        events.forward(ChatAnswered.class, EventTypes.CHAT, ChatAnswered::response);
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.post("/query", Role.VIEWER, JsonBody.required(QueryRequest.class), this::query);
    }

    private void query(Context ctx, QueryRequest request) {
        RequestParams.of(ctx, clock);
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
}
