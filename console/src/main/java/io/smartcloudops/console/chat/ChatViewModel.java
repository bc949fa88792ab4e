package io.smartcloudops.console.chat;

import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chat pane: the conversation, the suggestion chips, the question being typed, and why sending is
 * not possible right now (agent without chat, a question in flight, nothing typed).
 */
public final class ChatViewModel {

    /** The project plan's three questions. */
    public static final List<String> SUGGESTIONS = List.of(
            "What's current CPU?", "Summarize last 3 anomalies", "Show logs from 10 minutes ago");

    /** Messages the conversation keeps (a console left open all week stays small); the oldest go first. */
    public static final int MAX_MESSAGES = 200;

    /** Longest question the pane sends (the agent caps questions too). */
    public static final int MAX_QUESTION = 500;

    /** Asks the agent ({@code POST /query}); the answer or error arrives on the UI thread. */
    @FunctionalInterface
    public interface Backend {
        void ask(QueryRequest question, Consumer<QueryResponse> answer, Consumer<AgentApiException> error);
    }

    private final Backend backend;
    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final BooleanProperty offered = new SimpleBooleanProperty(this, "offered");
    private final StringBinding disabledReason;
    private String conversationId = "";

    public ChatViewModel(Backend backend) {
        this.backend = backend;
        disabledReason = Bindings.createStringBinding(() -> {
            if (!offered.get()) {
                return "The connected agent does not offer chat yet (no POST /query).";
            }
            if (sending.get()) {
                return "Waiting for the answer...";
            }
            if (input.get().isBlank()) {
                return "Type a question or pick a suggestion.";
            }
            if (input.get().length() > MAX_QUESTION) {
                return "Question too long: " + input.get().length() + " characters (at most " + MAX_QUESTION + ").";
            }
            return "";
        }, offered, sending, input);
    }

    /** Sends the typed question; ignored (with the reason shown) when it cannot be sent. */
    public void send() {
        if (!disabledReason.get().isEmpty()) {
            return;
        }
        String q = input.get().strip();
        input.set("");
        add(ChatMessage.question(q));
        sending.set(true);
        backend.ask(new QueryRequest(q, conversationId.isEmpty() ? null : conversationId), this::answered, e -> {
            sending.set(false);
            add(ChatMessage.error(e.status() == 404
                    ? "The connected agent does not offer chat (POST /query answered 404)."
                    : "The agent could not answer: " + e.getMessage()));
        });
    }

    /** Sends a suggestion as if typed. */
    public void ask(String suggestion) {
        input.set(suggestion);
        send();
    }

    private void answered(QueryResponse r) {
        sending.set(false);
        if (r.conversationId() != null) {
            conversationId = r.conversationId();
        }
        List<ChatMessage.ProposedAction> actions = new ArrayList<>();
        for (io.smartcloudops.api.chat.ProposedAction a : r.proposedActions()) {
            // an action this console does not know has no button: it can still be decided on the Remediation screen
            io.smartcloudops.api.remediation.ActionType.fromKey(nz(a.action())).ifPresent(type ->
                    actions.add(new ChatMessage.ProposedAction(nz(a.id()), type, nz(a.target()), nz(a.params().get("unit")),
                            nz(a.detail()).isEmpty() ? nz(a.reason()) : nz(a.detail()), a.dryRun())));
        }
        String answer = nz(r.answer());
        add(new ChatMessage(ChatMessage.Kind.ANSWER, answer.isEmpty() ? "(the agent sent an empty answer)" : answer,
                nz(r.backend()), actions));
    }

    private void add(ChatMessage m) {
        messages.add(m);
        if (messages.size() > MAX_MESSAGES) {
            messages.remove(0, messages.size() - MAX_MESSAGES);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<ChatMessage> messages() {
        return messages;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public BooleanProperty offeredProperty() {
        return offered;
    }

    /** Empty when a question can be sent, else why not. */
    public StringBinding disabledReason() {
        return disabledReason;
    }
}
