package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real server process (Debian's prometheus or node_exporter) started by a test on loopback, its
 * output kept in a log file for failure messages, stopped (or killed) on demand.
 */
public class ManagedProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final String readyUrl;
    private Process process;

    protected ManagedProcess(List<String> command, Path log, String readyUrl) {
        this.command = List.copyOf(command);
        this.log = log;
        this.readyUrl = readyUrl;
    }

    /** The Debian binary, or a failure that says how to install it. */
    public static String requireBinary(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install the Debian package '" + debianPackage
                    + "' (./test.sh does it for you)");
        }
        return path;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady(Duration.ofSeconds(30));
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            Eventually.within(command.getFirst() + " to be ready", timeout).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(command.getFirst() + " exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(readyUrl)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false; // not listening yet
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(command.getFirst() + " not ready at " + readyUrl + " after " + timeout + ":\n" + logTail(), e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL, as a crash would. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
