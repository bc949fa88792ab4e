package io.smartcloudops.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent started the way users start it: packaging/bin/smartcloudops-agent (the launcher of systemd, the container
 * and {@code run.sh --agent-only}), so its JVM gets packaging/agent-jvm-options (a heap sized by the hosts it watches,
 * Serial GC, C1) and the dashboard's "agent: N MB resident, heap X of Y MB" is what users see, not the figures of the
 * test's own JVM. It replays the host CSVs of a directory, configured like a server: an agent.yaml ({@code --config})
 * and the environment (tokens, source, bind address, logs directory). No AOT cache (SMARTCLOUDOPS_CACHE_DIR empty):
 * a cache only changes how fast the agent starts, and recording one would replace the caches in ~/.cache.
 */
public final class LaunchedAgent implements AutoCloseable {

    private static final Path LAUNCHER = Path.of("../packaging/bin/smartcloudops-agent");
    private static final Path JAR = Path.of("../agent/target/smartcloudops-agent.jar");
    private static final Pattern SERVING = Pattern.compile(" serving (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path data;
    private final double speed;
    private final Path log;
    private Path yaml;
    private Process process;
    private String url;

    /** An agent replaying the host CSVs of {@code csvDir} (read in place); its files go to {@code tempDir}. */
    public LaunchedAgent(Path tempDir, Path csvDir, double speed) {
        this.dir = tempDir;
        this.data = csvDir.toAbsolutePath().normalize();
        this.speed = speed;
        this.log = dir.resolve("agent-stdout.log");
    }

    /** The agent.yaml it is started with ({@code --config}), e.g. a remediation section. */
    public LaunchedAgent withYaml(String text) {
        try {
            yaml = Files.writeString(dir.resolve("agent.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public LaunchedAgent start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("no agent jar at " + JAR.toAbsolutePath().normalize()
                    + ": build it first (./mvnw -B verify -pl console -am builds it before the console's tests)");
        }
        ProcessBuilder pb = yaml == null ? new ProcessBuilder(LAUNCHER.toString())
                : new ProcessBuilder(LAUNCHER.toString(), "--config", yaml.toString());
        Map<String, String> env = pb.environment();
        env.putAll(ScenarioAgent.env());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SMARTCLOUDOPS_JAR", JAR.toAbsolutePath().normalize().toString());
        env.put("SMARTCLOUDOPS_CACHE_DIR", "");
        env.put("SMARTCLOUDOPS_SOURCE", "replay:" + data + "?speed=" + speed);
        env.put("SMARTCLOUDOPS_SOURCE_INTERVAL", "1s");
        env.put("SMARTCLOUDOPS_BIND", "127.0.0.1:0");
        env.put("SMARTCLOUDOPS_LOGS_DIR", dir.resolve("logs").toString());
        env.put("SMARTCLOUDOPS_AUTH_TOKEN_FILE", dir.resolve("token").toString());
        // the AWS SDK's default credentials (remediation against a local server speaking AWS's protocol)
        env.put("AWS_ACCESS_KEY_ID", "AKIDTESTONLY");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret-key-not-real");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            process = pb.start();
            url = awaitUrl();
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("the agent did not start", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return this;
    }

    /** The URL of the banner the agent prints once it serves ("... serving http://127.0.0.1:PORT (source: ..."). */
    private String awaitUrl() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = Files.readAllLines(log).stream().map(SERVING::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the agent exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the agent started");
            }
        }
        throw new IllegalStateException("the agent did not serve within " + START_TIMEOUT.toSeconds() + " s:\n" + Files.readString(log));
    }

    public String url() {
        return url;
    }

    /** Stops the agent as systemd does (SIGTERM) and waits until it has saved its state and exited. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
