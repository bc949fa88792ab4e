package io.smartcloudops.agent.collect;

import java.time.Duration;

/**
 * What the {@link Collector} reports about itself ({@code smartcloudops_source_collections_total},
 * {@code _samples_total}, {@code _collection_duration_seconds}, {@code _collection_overruns_total}). The
 * agent's metrics implement it; declared here so collection does not depend on them.
 */
public interface CollectionMetrics {

    /** One collection ended, {@code ok} or not. */
    void collection(String sourceKind, boolean ok);

    /** {@code n} samples were stored. */
    void samples(int n);

    /** One collection took {@code took}; longer than {@code interval} is an overrun. */
    void collectionTook(Duration took, Duration interval);
}
