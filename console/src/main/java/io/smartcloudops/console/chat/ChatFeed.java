package io.smartcloudops.console.chat;

import io.smartcloudops.console.connection.AgentConnection;

/** Feeds a {@link ChatViewModel} from an {@link AgentConnection}: {@code POST /query}, and whether the agent offers it. */
public final class ChatFeed {

    private ChatFeed() {
    }

    /** The view-model, wired to {@code connection}; call on the UI thread before {@link AgentConnection#start}. */
    public static ChatViewModel attach(AgentConnection connection) {
        ChatViewModel vm = new ChatViewModel((q, ok, err) -> connection.call(c -> c.query(q), ok, err));
        connection.offeredPathsProperty().addListener((o, a, p) -> vm.offeredProperty().set(p.contains("/query")));
        return vm;
    }
}
