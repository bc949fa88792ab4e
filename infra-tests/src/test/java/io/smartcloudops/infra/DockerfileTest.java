package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** agent/Dockerfile agrees with the Maven build and runs the agent as a non-root user. */
class DockerfileTest {

    /** Instructions with continuation lines joined; comments dropped. */
    private static List<String> instructions() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Repo.read("agent/Dockerfile").split("\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                current.append(line);
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return out;
    }

    @Test
    void multiStageBuildWithAJlinkRuntime() {
        List<String> from = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).matches("FROM eclipse-temurin:25-jdk\\S* AS build");
        assertThat(from.get(1)).as("no JRE image: the runtime is the jlink image").matches("FROM debian:\\S*-slim");
        String build = instructions().stream().filter(i -> i.startsWith("RUN ") && i.contains("mvnw")).findFirst().orElseThrow();
        assertThat(build).contains("packaging/jlink.sh /src/agent/target/runtime");
        assertThat(finalStage()).contains("COPY --from=build /src/agent/target/runtime /opt/smartcloudops/runtime");
    }

    @Test
    void theEntrypointIsTheLauncherSizedByTheConfigurationNotTheContainersMemory() {
        List<String> runtime = finalStage();
        assertThat(runtime).contains("ENTRYPOINT [\"/opt/smartcloudops/bin/smartcloudops-agent\"]",
                "COPY packaging/bin/smartcloudops-agent /opt/smartcloudops/bin/smartcloudops-agent",
                "COPY packaging/agent-jvm-options /opt/smartcloudops/agent-jvm-options");
        assertThat(String.join("\n", runtime)).doesNotContain("MaxRAMPercentage").contains("JAVA_HOME=/opt/smartcloudops/runtime");
    }

    @Test
    void finalStageRunsAsANonRootUserWithAHealthCheckOnHealthz() {
        List<String> runtime = finalStage();
        List<String> users = runtime.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        String user = users.get(0).substring(5).split(":")[0].strip();
        assertThat(user).isNotIn("root", "0");
        String health = runtime.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertThat(health).contains("/healthz", "127.0.0.1/8080", "\\\"status\\\":\\\"ok\\\"");
        assertThat(runtime).contains("EXPOSE 8080");
    }

    @Test
    void theJarItCopiesIsTheOneMavenPackages() {
        List<String> all = instructions();
        String build = all.stream().filter(i -> i.startsWith("RUN ") && i.contains("mvnw")).findFirst().orElseThrow();
        assertThat(build).contains("package", "-pl agent", "-am");
        String workdir = all.stream().filter(i -> i.startsWith("WORKDIR ")).findFirst().orElseThrow().substring(8).strip();

        Matcher copy = Pattern.compile("COPY --from=build (\\S+) (\\S+)").matcher(String.join("\n", finalStage()));
        assertThat(copy.find()).isTrue();
        String source = copy.group(1);
        assertThat(source).startsWith(workdir + "/");
        String inRepo = source.substring(workdir.length() + 1);
        assertThat(inRepo).isEqualTo("agent/target/smartcloudops-agent.jar");
        Path jar = Tools.requireFile(Repo.path(inRepo), "./mvnw -B package builds it");
        assertThat(jar).isNotEmptyFile();

        String env = finalStage().stream().filter(i -> i.startsWith("ENV ") && i.contains("SMARTCLOUDOPS_JAR=")).findFirst().orElseThrow();
        assertThat(env).as("the launcher runs the jar that was copied").contains("SMARTCLOUDOPS_JAR=" + copy.group(2));
        assertThat(Repo.read(".dockerignore")).contains("**/target");
    }

    private static List<String> finalStage() {
        List<String> all = instructions();
        int last = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return all.subList(last, all.size());
    }
}
