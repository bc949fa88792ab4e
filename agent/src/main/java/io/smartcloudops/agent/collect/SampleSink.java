package io.smartcloudops.agent.collect;

/**
 * Where the {@link Collector} keeps what it collected (the series store). An interface here, so that
 * collection does not depend on the store, which depends on collection's {@link HostSample}.
 */
@FunctionalInterface
public interface SampleSink {

    /** Keeps {@code sample}; false when it is not newer than what the host already has. */
    boolean append(HostSample sample);
}
