package io.smartcloudops.console.chat;

import io.smartcloudops.console.fx.FxThread;
import java.util.function.Consumer;
import io.smartcloudops.api.remediation.RemediationState;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The chat docked on the right of every screen: conversation, suggestion chips, question field. */
public final class ChatPane extends BorderPane {

    private final TextField question = new TextField();
    private final VBox conversation = new VBox(6);

    private final java.util.function.Function<String, ObservableObjectValue<RemediationState>> proposalState;
    private final ScrollPane scroll;
    /** Set when a message arrives: the next layout scrolls to it. */
    private boolean toNewest;

    /**
     * @param onAction      what a proposed-action button does (opens the confirm dialog)
     * @param proposalState the state of a proposal by id (pending until an operator decides)
     */
    public ChatPane(ChatViewModel vm, Consumer<ChatMessage.ProposedAction> onAction,
                    java.util.function.Function<String, ObservableObjectValue<RemediationState>> proposalState) {
        this.proposalState = proposalState;
        setId("chat-pane");
        getStyleClass().add("chat-pane");
        setPrefWidth(300);
        Label title = new Label("Chat (Ctrl+K)");
        title.getStyleClass().add("screen-title");
        FlowPane chips = new FlowPane(4, 4);
        for (String s : ChatViewModel.SUGGESTIONS) {
            Button chip = new Button(s);
            chip.getStyleClass().add("chip");
            chip.setOnAction(e -> vm.ask(s));
            chip.disableProperty().bind(vm.offeredProperty().not().or(vm.sendingProperty()));
            chips.getChildren().add(chip);
        }
        Label reason = new Label();
        reason.setId("chat-disabled-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add("empty-hint");
        reason.textProperty().bind(vm.disabledReason());
        reason.visibleProperty().bind(vm.offeredProperty().not().or(vm.sendingProperty()));
        reason.managedProperty().bind(reason.visibleProperty());
        VBox top = new VBox(6, title, chips, reason);
        top.setPadding(new Insets(8));

        conversation.setId("chat-conversation");
        conversation.setPadding(new Insets(8));
        scroll = new ScrollPane(conversation);
        scroll.setId("chat-scroll");
        scroll.setFitToWidth(true);
        // the conversation's height is known only after the layout that follows a new message
        conversation.heightProperty().addListener((o, a, b) -> {
            if (toNewest) {
                toNewest = false;
                scroll.setVvalue(scroll.getVmax());
            }
        });
        FxThread.shown(vm.messages(), "the chat transcript").addListener((ListChangeListener<ChatMessage>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    conversation.getChildren().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                int at = c.getFrom();
                for (ChatMessage m : c.getAddedSubList()) {
                    conversation.getChildren().add(at++, render(m, onAction));
                    toNewest = true;
                }
            }
        });

        question.setId("chat-input");
        question.setPromptText("Ask: What's current CPU?");
        question.textProperty().bindBidirectional(vm.inputProperty());
        question.setOnAction(e -> vm.send());
        Button send = new Button("Ask");
        send.setId("chat-send");
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.disabledReason().isNotEmpty());
        HBox.setHgrow(question, Priority.ALWAYS);
        HBox input = new HBox(4, question, send);
        input.setPadding(new Insets(8));
        input.setAlignment(Pos.CENTER);
        setTop(top);
        setCenter(scroll);
        setBottom(input);
    }

    private VBox render(ChatMessage m, Consumer<ChatMessage.ProposedAction> onAction) {
        Label text = new Label(m.text());
        text.setWrapText(true);
        text.setMaxWidth(260);
        text.getStyleClass().addAll("chat-message", m.kind() == ChatMessage.Kind.QUESTION ? "chat-question" : "chat-answer");
        if (m.kind() == ChatMessage.Kind.ANSWER) {
            text.getStyleClass().add("chat-answer-text");
        }
        if (m.kind() == ChatMessage.Kind.ERROR) {
            text.getStyleClass().add("field-error");
        }
        VBox box = new VBox(3, text);
        box.setAlignment(m.kind() == ChatMessage.Kind.QUESTION ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        if (!m.backend().isEmpty()) {
            Label by = new Label(answeredBy(m.backend()));
            by.getStyleClass().add("empty-hint");
            by.setWrapText(true);
            box.getChildren().add(by);
        }
        for (ChatMessage.ProposedAction a : m.actions()) {
            String what = a.action().key().replace('_', ' ') + (a.unit().isEmpty() ? "" : " " + a.unit()) + " on " + a.target();
            ObservableObjectValue<RemediationState> state = proposalState.apply(a.id());
            Button b = new Button();
            b.setId("chat-action-" + a.id());
            b.getStyleClass().add("chat-action");
            b.setWrapText(true);
            // once an operator decided (here, on the Remediation screen or elsewhere) the proposal is history
            b.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> state.get() == RemediationState.PENDING
                    ? "Approve " + what + "..." : capitalised(what) + ": " + state.get().key(), state));
            b.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> state.get() != RemediationState.PENDING, state));
            b.setTooltip(new Tooltip(a.description()));
            b.setOnAction(e -> onAction.accept(a));
            box.getChildren().add(b);
        }
        return box;
    }

    /** Who answered, in words: "offline" is the built-in assistant, anything else a language model. */
    static String answeredBy(String backend) {
        if (backend.equals("offline")) {
            return "answered by the built-in assistant (no language model)";
        }
        if (backend.startsWith("offline (fallback")) {
            return "answered by the built-in assistant: the language model failed" + backend.substring("offline (fallback".length())
                    .replaceFirst("^:?", ":").replaceFirst("\\)$", "");
        }
        return "answered by the language model " + backend;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Puts the cursor into the question field. */
    public void focusQuestion() {
        question.requestFocus();
    }
}
