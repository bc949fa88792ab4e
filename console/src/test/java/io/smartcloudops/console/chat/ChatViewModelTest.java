package io.smartcloudops.console.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.api.ApiError;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.client.AgentApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChatViewModelTest {

    private final List<String> asked = new ArrayList<>();
    private Consumer<JsonNode> pendingAnswer;
    private Consumer<AgentApiException> pendingError;
    private final ChatViewModel vm = new ChatViewModel((q, conv, ok, err) -> {
        asked.add(q + "|" + conv);
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
    void oneQuestionInFlightThenTheAnswerWithItsProposedActions() throws Exception {
        vm.offeredProperty().set(true);
        vm.ask("What's current CPU?");
        assertThat(asked).containsExactly("What's current CPU?|");
        assertThat(vm.sendingProperty().get()).isTrue();
        vm.inputProperty().set("again");
        assertThat(vm.disabledReason().get()).isEqualTo("Waiting for the answer...");
        vm.send();
        assertThat(asked).hasSize(1);

        pendingAnswer.accept(Json.mapper().readTree("""
                {"answer":"web-1 cpu 37.5%","backend":"offline","conversation_id":"c-1",
                 "proposed_actions":[{"id":"p-7","action":"restart_service","target":"web-1","description":"restart nginx"}]}"""));
        assertThat(vm.sendingProperty().get()).isFalse();
        ChatMessage answer = vm.messages().getLast();
        assertThat(answer.text()).isEqualTo("web-1 cpu 37.5%");
        assertThat(answer.backend()).isEqualTo("offline");
        assertThat(answer.actions()).containsExactly(new ChatMessage.ProposedAction("p-7", "restart_service", "web-1", "restart nginx"));

        vm.send();
        assertThat(asked).containsExactly("What's current CPU?|", "again|c-1");
        pendingError.accept(new AgentApiException(429, new ApiError("rate limited", "try again in 10s")));
        assertThat(vm.messages().getLast().kind()).isEqualTo(ChatMessage.Kind.ERROR);
        assertThat(vm.messages().getLast().text()).contains("rate limited");
    }
}
