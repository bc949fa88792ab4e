package io.smartcloudops.agent.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a thread or executor that a part of the agent started and waits for it to end, so that nothing it runs (a
 * journal append, an event published) happens after the part's {@code close} returned: the files it writes to are
 * closed next, and a test deletes their directory. The wait is bounded; what is still running then is named in a
 * warning rather than hanging a shutdown.
 */
public final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    /** Long enough for a task in progress on two busy cores (a journal append forces to disk), short enough for a stop. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Shutdown() {
    }

    /**
     * A scheduler on one daemon thread called {@code name} that {@link #finish} can stop: at shutdown its periodic
     * tasks and the delayed ones not yet due are dropped, so only the task running is waited for.
     */
    public static ScheduledExecutorService timer(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name(name).factory());
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * Runs no more tasks and waits for the running ones to finish. Does not interrupt them: an interrupt closes a
     * {@link java.nio.channels.FileChannel} the task is writing, losing the record it was appending.
     */
    public static void finish(ExecutorService executor, String what) {
        executor.shutdown();
        await(executor, what);
    }

    /** Interrupts the running tasks (they wait on a socket, a queue or a sleep, never on a file) and waits for them to end. */
    public static void interrupt(ExecutorService executor, String what) {
        executor.shutdownNow();
        await(executor, what);
    }

    /** Waits for {@code thread} to end (whoever asked it to stop did so already); not when it is the caller's own thread. */
    public static void join(Thread thread, String what) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            if (!thread.join(WAIT)) {
                LOG.warn("{} did not end within {} s of closing", what, WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(ExecutorService executor, String what) {
        try {
            if (!executor.awaitTermination(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} still running {} s after closing", what, WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
