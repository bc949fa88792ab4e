package io.smartcloudops.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.ApiError;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentApiException;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {

    private final List<String> asked = new ArrayList<>();
    private Consumer<QueryResponse> pendingAnswer;
    private Consumer<AgentApiException> pendingError;
    private final ChatViewModel vm = new ChatViewModel((q, ok, err) -> {
        asked.add(q.question() + "|" + (q.conversationId() == null ? "" : q.conversationId()));
        pendingAnswer = ok;
        pendingError = err;
    });

    @Test
    void saysWhyItCannotSendAndSendsNothingThen() {
        assertThat(vm.disabledReason().get()).isEqualTo("The connected agent does not offer chat yet (no POST /query).");
        vm.inputProperty().set("What's current CPU?");
        vm.send();
        assertThat(asked).isEmpty();
        vm.offeredProperty().set(true);
        vm.inputProperty().set("   ");
        assertThat(vm.disabledReason().get()).startsWith("Type a question");
        vm.inputProperty().set("x".repeat(501));
        assertThat(vm.disabledReason().get()).startsWith("Question too long: 501 characters");
    }

    @Test
    void oneQuestionInFlightThenTheAnswerWithItsProposedActions() {
        vm.offeredProperty().set(true);
        vm.ask("What's current CPU?");
        assertThat(asked).containsExactly("What's current CPU?|");
        assertThat(vm.sendingProperty().get()).isTrue();
        vm.inputProperty().set("again");
        assertThat(vm.disabledReason().get()).isEqualTo("Waiting for the answer...");
        vm.send();
        assertThat(asked).hasSize(1);

        pendingAnswer.accept(new QueryResponse("web-1 cpu 37.5%", "offline", List.of(), List.of(new ProposedAction("p-7",
                "restart_service", "web-1", Map.of("unit", "nginx"), "pending", false, "asked in chat", "restart nginx")), "c-1"));
        assertThat(vm.sendingProperty().get()).isFalse();
        ChatMessage answer = vm.messages().getLast();
        assertThat(answer.text()).isEqualTo("web-1 cpu 37.5%");
        assertThat(answer.backend()).isEqualTo("offline");
        assertThat(answer.actions()).containsExactly(
                new ChatMessage.ProposedAction("p-7", io.smartcloudops.api.remediation.ActionType.RESTART_SERVICE, "web-1", "nginx",
                        "restart nginx", false));

        vm.send();
        assertThat(asked).containsExactly("What's current CPU?|", "again|c-1");
        pendingError.accept(new AgentApiException(429, new ApiError("rate limited", "try again in 10s")));
        assertThat(vm.messages().getLast().kind()).isEqualTo(ChatMessage.Kind.ERROR);
        assertThat(vm.messages().getLast().text()).contains("rate limited");
    }
}
