package io.smartcloudops.agent.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait for something that happens on another thread or process: poll a condition
 * (Awaitility) until it holds or {@code atMost} passes, then fail naming what was awaited. Polls from the
 * first moment, every 20 ms, so a fast machine does not pay for a slow one; the limit only matters when
 * something is wrong. A fixed {@code Thread.sleep} stays only where the passing of time is what a test is
 * about.
 *
 * <pre>{@code
 * Eventually.within("the remediation to finish", Duration.ofSeconds(10))
 *         .until(() -> client.remediation(id), r -> r.state().terminal());
 * }</pre>
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    /** A wait of at most {@code atMost} for {@code what} (named in the failure). */
    public static ConditionFactory within(String what, Duration atMost) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
