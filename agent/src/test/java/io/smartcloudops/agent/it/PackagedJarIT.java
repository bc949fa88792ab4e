package io.smartcloudops.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.Eventually;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: copied alone into an empty directory, started with {@code java -jar},
 * no token configured. A dependency present only in test scope would pass every other test and fail here.
 */
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void runsAloneAndServesThisMachineWithTheTokenItGenerated() throws Exception {
        Path jar = Files.copy(Path.of("target/smartcloudops-agent.jar"), dir.resolve("smartcloudops-agent.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path config = Files.createDirectories(dir.resolve("config"));
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "serve", "--bind", "127.0.0.1:0", "--source", "local")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCLOUDOPS_"));
        pb.environment().put("XDG_CONFIG_HOME", config.toString());
        Process agent = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String baseUrl = null;
            String curl = null;
            Pattern serving = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+)");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((baseUrl == null || curl == null) && System.nanoTime() < deadline) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
                Matcher m = serving.matcher(line);
                if (m.find()) {
                    baseUrl = m.group(1);
                }
                if (line.startsWith("Try:  curl")) {
                    curl = line;
                }
            }
            assertThat(baseUrl).as("banner in %s", lines).isNotNull();
            Path tokenFile = config.resolve("smartcloudops/token");
            assertThat(curl).contains("$(cat " + tokenFile + ")").contains(baseUrl + "/status");
            assertThat(Files.getPosixFilePermissions(tokenFile)).extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
            String token = Files.readString(tokenFile).trim();
            assertThat(String.join("\n", lines)).as("the token itself is never printed").doesNotContain(token);

            HttpClient http = HttpClient.newHttpClient();
            URI statusUrl = URI.create(baseUrl + "/status");
            String status = Eventually.within("a cpu value in /status", Duration.ofSeconds(30))
                    .until(() -> http.send(HttpRequest.newBuilder(statusUrl)
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body(),
                            body -> body.contains("\"cpu\""));
            assertThat(status).contains("\"kind\":\"local\"").contains("\"healthy\":true").contains("\"cpu\"").contains("\"mem\"");
        } finally {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        assertThat(agent.exitValue()).as("SIGTERM is a clean stop").isIn(0, 143);
    }
}
