package io.smartcloudops.agent.remediate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with an argument list — never through a shell, so no argument is ever interpreted —
 * with no input, a time limit, and the first few kilobytes of its output kept.
 */
final class ProcessRunner {

    private static final int KEEP = 4096;

    /** Exit code ({@code -1} when it timed out or could not start) and output (stdout and stderr merged). */
    record Result(int exitCode, String output, boolean timedOut, String startError) {
        boolean ok() {
            return exitCode == 0 && !timedOut && startError == null;
        }

        String describe(List<String> argv) {
            if (startError != null) {
                return "cannot start " + argv.getFirst() + ": " + startError;
            }
            if (timedOut) {
                return String.join(" ", argv) + " did not finish in time and was killed" + tail();
            }
            return String.join(" ", argv) + " exited with " + exitCode + tail();
        }

        private String tail() {
            String o = output.strip();
            return o.isEmpty() ? "" : ": " + o;
        }
    }

    private ProcessRunner() {
    }

    static Result run(List<String> argv, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(-1, "", false, e.getMessage());
        }
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofVirtual().name("process-output").start(() -> keep(p.getInputStream(), out));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                reader.join(Duration.ofSeconds(1));
                return new Result(-1, snapshot(out), true, null);
            }
            reader.join(Duration.ofSeconds(5));
            return new Result(p.exitValue(), snapshot(out), false, null);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, snapshot(out), true, null);
        }
    }

    private static void keep(InputStream in, StringBuilder out) {
        byte[] buf = new byte[1024];
        try (in) {
            int n;
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            while ((n = in.read(buf)) >= 0) {
                int room = KEEP - kept.size();
                if (room > 0) {
                    kept.write(buf, 0, Math.min(room, n));
                }
            }
            synchronized (out) {
                out.append(kept.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process is gone; keep what was read
        }
    }

    private static String snapshot(StringBuilder out) {
        synchronized (out) {
            return out.toString();
        }
    }
}
