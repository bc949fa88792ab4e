package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.auth.TokenFile;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.chat.ProposedAction;
import io.smartcloudops.api.chat.QueryRequest;
import io.smartcloudops.api.chat.QueryResponse;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask}: one question to a running agent's assistant ({@code POST /query}). */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask a running agent's assistant a question (POST /query) and print the answer.",
                "Token: --token-file, else SMARTCLOUDOPS_OPERATOR_TOKEN or SMARTCLOUDOPS_VIEWER_TOKEN, else the token "
                        + "file the agent generated (~/.config/smartcloudops/token)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ask \"What's current CPU?\"",
                "  ask Summarize last 3 anomalies",
                "  ask --url http://10.0.1.5:8080 \"Show logs from 10 minutes ago\"",
                "  ask --conversation 5f0c8a52 \"why is it anomalous?\""})
public final class AskCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "the question (several words are joined)")
    List<String> words;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080", description = "the agent (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the bearer token")
    Path tokenFile;

    @Option(names = "--conversation", paramLabel = "ID", description = "continue the conversation of an earlier answer")
    String conversation;

    @Option(names = "--json", description = "print the whole JSON answer")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String token = token(System.getenv());
        try (AgentClient client = AgentClient.create(url, token, Duration.ofSeconds(90))) {
            QueryResponse r = client.query(new QueryRequest(String.join(" ", words), conversation));
            if (json) {
                out.println(Json.write(r));
            } else {
                out.println(r.answer());
                for (ProposedAction p : r.proposedActions()) {
                    out.println("proposed " + p.id() + ": " + p.action() + " " + p.params().getOrDefault("unit", "") + " on "
                            + p.target() + " (" + p.state() + ": an operator approves it; nothing has run)");
                }
                out.println("-- " + r.backend() + ", conversation " + r.conversationId());
            }
            out.flush();
            return AgentMain.OK;
        } catch (AgentApiException e) {
            if (e.unreachable()) {
                throw new IllegalStateException("no agent at " + url + " (" + e.getMessage() + "); start one with: serve", e);
            }
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                throw new UsageException(e.status() + " " + e.error().error() + ": " + e.error().detail(), e);
            }
            throw new IllegalStateException(e.status() + " " + e.error().error() + ": " + e.error().detail(), e);
        }
    }

    private String token(Map<String, String> env) {
        if (tokenFile != null) {
            return read(tokenFile);
        }
        for (String name : List.of("SMARTCLOUDOPS_OPERATOR_TOKEN", "SMARTCLOUDOPS_VIEWER_TOKEN")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        Path generated = TokenFile.defaultPath(env);
        return Files.isRegularFile(generated) ? read(generated) : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UsageException("--token-file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
