package io.smartcloudops.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.console.testing.FxWait;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import io.smartcloudops.api.remediation.RemediationState;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The chat pane scrolls to the newest answer; a proposal's Approve goes out of use once an operator decided. */
@ExtendWith(ApplicationExtension.class)
class ChatPaneTest {

    private final List<Consumer<QueryResponse>> answers = new ArrayList<>();
    private final ChatViewModel vm = new ChatViewModel((q, ok, err) -> answers.add(ok));
    private final SimpleObjectProperty<RemediationState> proposalState = new SimpleObjectProperty<>(RemediationState.PENDING);
    private ChatPane pane;

    @Start
    void start(Stage stage) {
        vm.setOffered(true);
        pane = new ChatPane(vm, a -> { }, id -> proposalState);
        stage.setScene(new Scene(pane, 320, 500));
        stage.show();
    }

    private void askAndAnswer(String q, QueryResponse r) {
        FxWait.onFx(() -> {
            vm.ask(q);
            answers.removeLast().accept(r);
            return null;
        });
    }

    private static QueryResponse text(String answer) {
        return new QueryResponse(answer, "offline", List.of(), List.of(), "c-1");
    }

    @Test
    void theNewestAnswerIsScrolledIntoView(FxRobot robot) {
        for (int i = 0; i < 12; i++) {
            askAndAnswer("question " + i, text(("Answer " + i + ": web-1 CPU 97.0% against a baseline of 12.0%. ").repeat(4)));
        }
        FxWait.until("the newest answer in view", 20, () -> {
            ScrollPane scroll = (ScrollPane) pane.lookup("#chat-scroll");
            var conversation = (javafx.scene.layout.VBox) pane.lookup("#chat-conversation");
            Node last = conversation.getChildren().getLast();
            Bounds view = scroll.localToScene(scroll.getLayoutBounds());
            Bounds newest = last.localToScene(last.getLayoutBounds());
            return newest.getMaxY() <= view.getMaxY() + 1 && newest.getMinY() >= view.getMinY() - 1;
        });
    }

    @Test
    void approveGoesOutOfUseOnceTheProposalIsDecided(FxRobot robot) {
        askAndAnswer("Restart nginx on web-1", new QueryResponse("Proposed restart_service nginx on web-1.", "offline", List.of(),
                List.of(new ProposedAction("p-1", "restart_service", "web-1", Map.of("unit", "nginx"), "pending", false,
                        "asked in chat", "restart nginx")), "c-1"));
        FxWait.until("the Approve button", 20, () -> pane.lookup("#chat-action-p-1") != null);
        Button approve = FxWait.onFx(() -> (Button) pane.lookup("#chat-action-p-1"));
        assertThat(FxWait.onFx(approve::getText)).isEqualTo("Approve restart service nginx on web-1...");
        assertThat(FxWait.onFx(approve::isDisabled)).isFalse();
        FxWait.onFx(() -> {
            proposalState.set(RemediationState.SUCCEEDED);
            return null;
        });
        assertThat(FxWait.onFx(approve::isDisabled)).as("approved elsewhere: no second approval (409)").isTrue();
        assertThat(FxWait.onFx(approve::getText)).isEqualTo("Restart service nginx on web-1: succeeded");
        assertThat(ChatPane.answeredBy("offline")).isEqualTo("answered by the built-in assistant (no language model)");
    }
}
