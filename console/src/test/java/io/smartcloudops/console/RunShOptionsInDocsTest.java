package io.smartcloudops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.testing.DocCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ./run.sh [console options]} quoted in the documentation parses with the console's own
 * option parser ({@link ConsoleOptions}); {@code ./run.sh --agent-only ...} is the agent's {@code serve},
 * checked by the agent's DocsConsistencyTest.
 */
class RunShOptionsInDocsTest {

    /** The console options of every ./run.sh line in the docs, with where each was found. */
    static List<String> problems(List<DocCorpus.Snippet> snippets) {
        List<String> problems = new ArrayList<>();
        for (DocCorpus.Snippet s : snippets) {
            for (String line : DocCorpus.commandLines(s)) {
                List<String> words = DocCorpus.words(line);
                int i = words.indexOf("./run.sh");
                if (i < 0 || i + 1 < words.size() && words.get(i + 1).equals("--agent-only")) {
                    continue;
                }
                List<String> args = new ArrayList<>();
                for (String w : words.subList(i + 1, words.size())) {
                    if (w.startsWith("[") || w.startsWith("<") || w.startsWith(">") || w.startsWith("2>")) {
                        break; // a placeholder or a redirection
                    }
                    args.add(w);
                }
                if (args.contains("--help") || args.contains("-h")) {
                    continue; // the launcher prints the usage before parsing
                }
                try {
                    ConsoleOptions.parse(args);
                } catch (IllegalArgumentException e) {
                    problems.add(s.where() + ": ./run.sh " + String.join(" ", args) + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        return problems;
    }

    @Test
    void everyConsoleCommandLineInTheDocsParses() {
        DocCorpus docs = DocCorpus.of(Path.of(".."));
        assertThat(problems(docs.snippets())).isEmpty();
    }

    @Test
    void anUnknownConsoleOptionIsCaught() {
        assertThat(problems(DocCorpus.snippets(Path.of("made-up.md"), "`./run.sh --sorce prometheus:http://127.0.0.1:9090`")))
                .singleElement().asString().contains("made-up.md:1", "unknown option '--sorce'");
        assertThat(problems(DocCorpus.snippets(Path.of("made-up.md"), """
                ```bash
                ./run.sh --source 'replay:bench/console/incident?speed=5'
                ./run.sh --agent-only --whatever      # the agent's, not checked here
                ./run.sh --help
                ```
                """))).isEmpty();
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--bind"))).isInstanceOf(IllegalArgumentException.class);
    }
}
