package io.smartcloudops.agent.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PerMinuteBucketTest {

    @Test
    void aFullMinuteOfTokensThenOneEveryPerMinuteth() {
        PerMinuteBucket bucket = new PerMinuteBucket(6, 0);
        for (int i = 0; i < 6; i++) {
            assertThat(bucket.tryTake(0)).as("token %d", i).isTrue();
        }
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.untilNextToken(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(bucket.tryTake(9_999)).isFalse();
        assertThat(bucket.tryTake(10_000)).isTrue();
        assertThat(bucket.full(10_000)).isFalse();
        assertThat(bucket.full(70_000)).isTrue();
    }

    @Test
    void takingFromAnEmptyBucketKeepsItEmptyAndAClockGoingBackRefillsNothing() {
        PerMinuteBucket bucket = new PerMinuteBucket(2, 1_000);
        bucket.take(1_000);
        bucket.take(1_000);
        bucket.take(1_000);
        assertThat(bucket.hasToken(1_000)).isFalse();
        assertThat(bucket.hasToken(500)).isFalse();
        assertThat(bucket.hasToken(31_000)).isTrue();
    }

    @Test
    void refusesABucketThatNeverRefills() {
        assertThatThrownBy(() -> new PerMinuteBucket(0, 0)).hasMessageContaining("got 0");
    }
}
