package io.smartcloudops.agent.it;

import io.smartcloudops.agent.testing.Eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How systemd and the container start the agent: the launcher (packaging/bin/smartcloudops-agent) on the jlink
 * runtime of packaging/jlink.sh, with the heap of the sizing rule. The first start records the AOT cache and
 * writes it when stopped; the second start uses it, and neither prints a warning about an archive.
 */
class LauncherRuntimeIT {

    static final String TOKEN = "launcher-it-viewer-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void theJlinkRuntimeRunsTheAgentSizedByItsConfigurationAndReusesItsAotCache() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path runtime = dir.resolve("runtime");
        Process jlink = new ProcessBuilder("sh", repo.resolve("packaging/jlink.sh").toString(), runtime.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("jlink.log").toFile()).start();
        assertThat(jlink.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(jlink.exitValue()).as(Files.readString(dir.resolve("jlink.log"))).isZero();
        assertThat(runtime.resolve("bin/java")).isExecutable();

        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "store:\n  retention: 24h\ndetect:\n  model: \"\"\n");
        Path cache = dir.resolve("cache");

        Run first = start(repo, runtime, config, cache, "first.log");
        assertThat(first.commandLine()).contains("-Xmx64m", "-XX:+UseSerialGC", "-XX:AOTCacheOutput=")
                .doesNotContain("MaxRAMPercentage");
        first.stop();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("agent-") && n.endsWith(".aot"));
        }

        Run second = start(repo, runtime, config, cache, "second.log");
        assertThat(second.commandLine()).contains("-XX:AOTCache=" + cache);
        second.stop();
        String startup = Files.readString(dir.resolve("second.log"));
        assertThat(startup).doesNotContainIgnoringCase("not a valid shared archive").doesNotContain("[warning]")
                .doesNotContain("WARN ").doesNotContain("ERROR ");
    }

    private record Run(Process process, String commandLine) {
        void stop() throws InterruptedException {
            process.destroy();  // SIGTERM, as systemd stops it: the JVM writes a recorded AOT cache on the way out
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
    }

    private Run start(Path repo, Path runtime, Path config, Path cache, String log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("packaging/bin/smartcloudops-agent").toString(),
                "--config", config.toString(), "--bind", "127.0.0.1:0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCLOUDOPS_") || k.startsWith("JAVA_"));
        pb.environment().put("JAVA_HOME", runtime.toString());
        pb.environment().put("SMARTCLOUDOPS_JAR", Path.of("target/smartcloudops-agent.jar").toAbsolutePath().toString());
        pb.environment().put("SMARTCLOUDOPS_CACHE_DIR", cache.toString());
        pb.environment().put("SMARTCLOUDOPS_VIEWER_TOKEN", TOKEN);
        pb.environment().put("SMARTCLOUDOPS_LOGS_DIR", dir.resolve("logs").toString());
        Process agent = pb.start();
        String baseUrl = awaitBaseUrl(agent, dir.resolve(log));
        HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/status"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"resident_bytes\"");
        String commandLine = agent.toHandle().info().arguments().map(a -> String.join(" ", a)).orElse("");
        return new Run(agent, commandLine);
    }

    private static String awaitBaseUrl(Process agent, Path log) {
        Pattern serving = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)");
        return Eventually.within("the agent's serving line in " + log, Duration.ofSeconds(90)).until(() -> {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertThat(agent.isAlive()).as(String.join("\n", lines)).isTrue();
            return lines.stream().map(serving::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        }, java.util.Optional::isPresent).orElseThrow();
    }
}
