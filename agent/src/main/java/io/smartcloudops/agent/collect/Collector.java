package io.smartcloudops.agent.collect;

import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.lifecycle.Shutdown;
import io.smartcloudops.api.status.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the source every interval, stores what it returns and announces it on the bus. A failing
 * source is retried with exponential back-off (capped), reported unhealthy with the reason, and never
 * stops the agent; nothing is stored for the failed attempts, so a gap stays a gap, not zeros.
 * At start, and again after an outage, history is back-filled from sources that keep it. With sharding,
 * only the hosts this agent owns are kept.
 */
public final class Collector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

    private final MetricSource source;
    private final SampleSink store;
    private final EventBus bus;
    private final Clock clock;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Duration backfill;
    private final CollectionMetrics metrics;
    private final Predicate<String> owns;
    private final SourceHealth health;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch wake = new CountDownLatch(1);
    /** Guards {@link #reading}: close interrupts the collector thread only while it waits for the source. */
    private final Object phase = new Object();
    private boolean reading;
    private Thread thread;
    private boolean backfilled;

    public Collector(MetricSource source, SampleSink store, EventBus bus, Clock clock, Duration interval,
                     Duration maxBackoff, Duration backfill, CollectionMetrics metrics, Predicate<String> owns) {
        this.source = source;
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.interval = interval;
        this.maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
        this.backfill = backfill;
        this.metrics = metrics;
        this.owns = owns;
        this.health = new SourceHealth(source.spec(), source.kind(), interval);
    }

    public MetricSource source() {
        return source;
    }

    public SourceStatus status() {
        return health.snapshot();
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Thread.ofVirtual().name("collector").start(this::loop);
    }

    private void loop() {
        while (!closed.get()) {
            long started = System.nanoTime();
            collectOnce();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.collectionTook(took, interval);
            if (took.compareTo(interval) > 0) {
                LOG.warn("a collection took {} ms, longer than the {} ms interval: samples are scored late "
                        + "(too many hosts for this machine? see serve --shard)", took.toMillis(), interval.toMillis());
            }
            Duration delay = nextDelay();
            long sleepMillis = delay.toMillis() - (System.nanoTime() - started) / 1_000_000;
            if (sleepMillis > 0) {
                try {
                    if (wake.await(sleepMillis, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    Duration nextDelay() {
        int failures = health.consecutiveFailures();
        if (failures == 0) {
            return interval;
        }
        Duration d = interval.multipliedBy(1L << Math.min(failures - 1, 16));
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    /** One collection: back-fill if due, then the live reading. Public for tests and benchmarks. */
    public void collectOnce() {
        Instant now = clock.instant();
        try {
            if (!backfilled) {
                backfilled = true;
                if (!backfill.isZero()) {
                    storeHistory(now.minus(backfill), now);
                }
            } else if (health.consecutiveFailures() > 0 && health.lastSuccess() != null) {
                storeHistory(health.lastSuccess(), now);
            }
            List<HostSample> samples = read(source::collect);
            List<HostSample> stored = store(samples);
            boolean changed = health.success(now, note(samples));
            metrics.collection(source.kind(), true);
            if (changed) {
                LOG.info("source {} healthy", source.spec());
                bus.publish(health.snapshot());
            }
            if (!stored.isEmpty()) {
                bus.publish(new SamplesCollected(stored, false));
            }
        } catch (Closing e) {
            return;
        } catch (SourceException e) {
            failed(now, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("collection from {} failed unexpectedly", source.spec(), e);
            failed(now, "unexpected error: " + e);
        }
    }

    private String note(List<HostSample> samples) {
        if (source instanceof ReplaySource replay && replay.finished()) {
            return "replay finished";
        }
        return samples.isEmpty() ? "no new samples" : null;
    }

    private void failed(Instant now, String reason) {
        boolean changed = health.failure(now, reason);
        metrics.collection(source.kind(), false);
        if (changed) {
            LOG.warn("source {} unhealthy: {}", source.spec(), reason);
            bus.publish(health.snapshot());
        }
    }

    private void storeHistory(Instant from, Instant to) throws SourceException {
        List<HostSample> history = read(() -> source.history(from, to));
        List<HostSample> stored = store(history);
        if (!stored.isEmpty()) {
            LOG.info("back-filled {} samples from {}", stored.size(), source.spec());
            bus.publish(new SamplesCollected(stored, true));
        }
    }

    private interface SourceCall {
        List<HostSample> call() throws SourceException;
    }

    /**
     * Reads from the source, which close may interrupt; once the agent is closing, what was read is not stored or
     * announced. Only here: an interrupt while the detector or a journal writes would close the file it writes to.
     */
    private List<HostSample> read(SourceCall call) throws SourceException {
        boolean ownThread = Thread.currentThread() == thread;
        synchronized (phase) {
            if (closed.get()) {
                throw new Closing();
            }
            if (ownThread) {
                reading = true;  // a test's or benchmark's collectOnce on its own thread is never interrupted
            }
        }
        try {
            return call.call();
        } finally {
            if (ownThread) {
                synchronized (phase) {
                    reading = false;
                    Thread.interrupted();  // close's, if it came: it was for the read, which is over
                }
            }
            if (closed.get()) {
                throw new Closing();
            }
        }
    }

    /** The agent closed during a collection: it ends without storing or announcing anything. */
    private static final class Closing extends RuntimeException {
        Closing() {
            super("the collector is closing", null, false, false);
        }
    }

    private List<HostSample> store(List<HostSample> samples) {
        List<HostSample> stored = new ArrayList<>(samples.size());
        for (HostSample sample : samples) {
            HostSample s = SampleResolution.apply(sample);
            if (owns.test(s.host()) && store.append(s)) {
                stored.add(s);
            }
        }
        metrics.samples(stored.size());
        return stored;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Thread t = thread;
            wake.countDown();
            synchronized (phase) {
                if (reading && t != null) {
                    t.interrupt();
                }
            }
            source.close();
            // nothing the collection in progress hands on (a detector state saved, an anomaly written) may happen after
            // the agent has closed the files it writes to
            Shutdown.join(t, "the collector thread");
        }
    }
}
