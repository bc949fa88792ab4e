package io.smartcloudops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A long-running program started by a test, with its output in a log file; stopped with its children. */
final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, Path workDir, Map<String, String> env, List<String> command) {
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            return new ManagedProcess(name, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "<" + log + " unreadable: " + e + ">";
        }
    }

    /** Name, state and the end of its log, for assertion messages. */
    String describe() {
        String text = log();
        return name + (alive() ? " (running)" : " (exited " + process.exitValue() + ")") + ", log tail:\n"
                + text.substring(Math.max(0, text.length() - 3000));
    }

    /** SIGTERM first (run.sh stops what it started), then SIGKILL for anything left. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(c -> {
            c.destroy();
            try {
                c.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                c.destroyForcibly();
            }
        });
    }
}
