package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.DocCorpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command, file, key, variable, REST path and link quoted in README.md, CONTRIBUTING.md, docs/ and
 * the READMEs beside the code exists ({@link DocReferences}); and each kind of check catches a reference
 * that does not.
 */
class DocsConsistencyTest {

    private static final Path REPO = Path.of("..");

    @Test
    void everythingTheDocsQuoteExists() {
        DocCorpus docs = DocCorpus.of(REPO);
        assertThat(docs.files()).as("documents read").contains(Path.of("README.md"), Path.of("docs/runbook.md"));
        assertThat(new DocReferences(docs).check()).as("references to things that do not exist").isEmpty();
    }

    private static List<String> problems(String markdown) {
        return new DocReferences(DocCorpus.of(REPO)).check(Path.of("made-up.md"), markdown);
    }

    @Test
    void anUnknownSubCommandOrOptionIsCaught() {
        assertThat(problems("`java -jar agent/target/smartcloudops-agent.jar serve --no-such-flag 1`"))
                .singleElement().asString().contains("made-up.md:1", "`smartcloudops-agent serve` has no option --no-such-flag");
        assertThat(problems("```bash\njava -jar smartcloudops-agent.jar audit check \\\n  --logs-dir logs\n```"))
                .singleElement().asString().contains("made-up.md:2", "has no sub-command check");
        assertThat(problems("`agent evaluate --data d --labels l.json --model m.ser --repot r.png`"))
                .singleElement().asString().contains("`smartcloudops-agent evaluate` has no option --repot");
        assertThat(problems("`./run.sh --agent-only --bind 127.0.0.1:0 --sauce local`"))
                .singleElement().asString().contains("no option --sauce");
        assertThat(problems("""
                ```bash
                java -jar smartcloudops-agent.jar remediate restart-service --unit nginx --dry-run   # a plan
                java -jar smartcloudops-agent.jar ask --url http://127.0.0.1:8080 "What's current CPU?"
                ./run.sh --agent-only [serve options]
                ```
                """)).isEmpty();
    }

    @Test
    void aMissingFileScriptOrScriptOptionIsCaught() {
        assertThat(problems("run `bench/console/no-such.sh` then `./run.sh`"))
                .singleElement().asString().contains("bench/console/no-such.sh: no such file");
        assertThat(problems("`monitoring/local/run.sh --with-agnet`"))
                .singleElement().asString().contains("does not know the option --with-agnet");
        assertThat(problems("`docs/screenshots/*.jpg`")).singleElement().asString().contains("matches no file");
        assertThat(problems("`agent/target/smartcloudops-agent.jar`, `terraform/terraform.tfvars`, `monitoring/local/run.sh --with-agent`"))
                .isEmpty();
    }

    @Test
    void aMissingModuleOrTestClassIsCaught() {
        assertThat(problems("`./mvnw -B verify -pl api,agnet`")).singleElement().asString().contains("no Maven module agnet");
        assertThat(problems("`./mvnw -B test -pl agent -Dtest=NoSuchTest`")).singleElement().asString().contains("no test class NoSuchTest");
    }

    @Test
    void anUnknownConfigKeyOrVariableIsCaught() {
        assertThat(problems("set `remediation.enabeld: true`")).singleElement().asString()
                .contains("agent.yaml has no key remediation.enabeld", "known in remediation: enabled");
        assertThat(problems("`SMARTCLOUDOPS_REMEDIATION_ENABLE=true`")).singleElement().asString()
                .contains("SMARTCLOUDOPS_REMEDIATION_ENABLE is neither");
        assertThat(problems("`error: remediation.enabeld: unknown key`, `remediation.targets.web-1.instance_id`, `rules.yaml`, `chat.offline`, `auth.tokens[].name`, "
                + "SMARTCLOUDOPS_CHAT_API_KEY, `SMARTCLOUDOPS_REMEDIATION_ENABLED=true`")).isEmpty();
    }

    @Test
    void anUnknownRestPathOrParameterIsCaught() {
        assertThat(problems("`curl http://127.0.0.1:8080/anomaly`")).singleElement().asString().contains("serves no /anomaly");
        assertThat(problems("`curl \"http://127.0.0.1:8080/logs?since=1h&kind=x\"`")).singleElement().asString()
                .contains("/logs has no query parameter kind");
        assertThat(problems("`curl http://127.0.0.1:8080/remediations/3f2a/approve`")).isEmpty();
    }

    @Test
    void aBrokenLinkIsCaught() {
        assertThat(problems("See [the runbook](docs/runbok.md#pause) and [the API](docs/api/openapi.yaml).")).singleElement()
                .asString().contains("made-up.md:1: link to docs/runbok.md#pause, which does not exist");
        assertThat(problems("[home](https://example.org/x) [top](#top) [runbook](docs/runbook.md#pause-automation)")).isEmpty();
    }
}
