package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/** Debian's redis-server on a free 127.0.0.1 port, no persistence, data in a temporary directory. */
public final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String password;

    private RedisProcess(Process process, int port, String password) {
        this.process = process;
        this.port = port;
        this.password = password;
    }

    public static RedisProcess start(Path dir) throws IOException, InterruptedException {
        return start(dir, null);
    }

    /** With {@code requirepass} when {@code password} is not null ({@link #url()} then carries it). */
    public static RedisProcess start(Path dir, String password) throws IOException, InterruptedException {
        String binary = ManagedProcess.requireBinary("/usr/bin/redis-server", "redis-server");
        int port = FreePort.find();
        List<String> command = new java.util.ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        try {
            Eventually.within("redis-server to listen on " + port, Duration.ofSeconds(15)).until(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                } catch (IOException notYet) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("redis-server exited: see " + dir.resolve("redis.log"));
                    }
                    return false;
                }
            });
            return new RedisProcess(p, port, password);
        } catch (ConditionTimeoutException e) {
            p.destroyForcibly();
            throw new IllegalStateException("redis-server did not listen on " + port, e);
        }
    }

    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    /** A client for assertions on what the agent wrote. */
    public redis.clients.jedis.RedisClient client() {
        return redis.clients.jedis.RedisClient.create(java.net.URI.create(url()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
