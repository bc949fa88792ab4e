package io.smartcloudops.agent.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.agent.chat.SecretRedactor;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.chat.Fact;
import io.smartcloudops.api.chat.ProposedAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls of one question: runs them, and keeps what the answer used ({@code data}) and the
 * proposals made. Results are redacted and size-capped here, once, for both backends.
 */
public final class ToolSession {

    /** One call's typed output and the JSON the model (and {@code data}) see. */
    public record Ran<O extends ToolOutput>(O output, JsonNode json, boolean truncated) {
    }

    private final ToolRunner runner;
    private final SecretRedactor redactor;
    private final int maxChars;
    private final String actor;
    private final List<Fact> facts = new ArrayList<>();
    private final List<ProposedAction> proposals = new ArrayList<>();

    public ToolSession(ToolRunner runner, SecretRedactor redactor, int maxChars, String actor) {
        this.runner = runner;
        this.redactor = redactor;
        this.maxChars = maxChars;
        this.actor = actor;
    }

    public ToolRunner runner() {
        return runner;
    }

    public String actor() {
        return actor;
    }

    /** Runs a validated call; a {@link ToolArgumentException} (e.g. an unknown host) is recorded and rethrown. */
    public <O extends ToolOutput> Ran<O> run(ToolCall<O> call) {
        ObjectNode args = ToolRunner.arguments(call);
        O output;
        try {
            output = call instanceof ToolCall.ProposeRemediation p
                    ? alreadyProposed(p).map(call.outputType()::cast).orElseGet(() -> runner.run(call, actor))
                    : runner.run(call, actor);
        } catch (ToolArgumentException e) {
            refused(call.tool(), args, e);
            throw e;
        }
        JsonNode json = redactor.redact(Json.mapper().valueToTree(output));
        OutputCap.Capped capped = OutputCap.cap(json, maxChars);
        facts.add(new Fact(call.tool(), redactor.redact(args), capped.json(), capped.truncated()));
        if (output instanceof ToolOutput.ProposalOutcome p && p.pending() && !proposals.contains(p.action())) {
            proposals.add(p.action());
        }
        return new Ran<>(output, capped.json(), capped.truncated());
    }

    /** The same proposal twice in one question (model and fallback, or a repeating model) is proposed once. */
    private java.util.Optional<ToolOutput.ProposalOutcome> alreadyProposed(ToolCall.ProposeRemediation p) {
        return proposals.stream()
                .filter(a -> a.action().equals(p.action()) && a.target().equals(p.target()) && a.params().equals(p.params()))
                .findFirst().map(a -> new ToolOutput.ProposalOutcome("pending", a, null, null));
    }

    /** Records a call that was refused before it ran (bad arguments); returns the error the model is told. */
    public JsonNode refused(String tool, JsonNode arguments, ToolArgumentException e) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("error", "invalid arguments");
        error.put("field", e.field());
        error.put("detail", redactor.redact(e.reason()));
        facts.add(new Fact(tool == null ? "unknown" : tool, arguments == null ? Json.mapper().createObjectNode()
                : redactor.redact(arguments), error, false));
        return error;
    }

    public List<Fact> facts() {
        return List.copyOf(facts);
    }

    public List<ProposedAction> proposals() {
        return List.copyOf(proposals);
    }
}
