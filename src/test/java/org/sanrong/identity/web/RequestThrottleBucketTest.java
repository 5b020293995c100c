package org.sanrong.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic: a full minute's share at once, then one token back per 60/n seconds. */
class RequestThrottleBucketTest {

    @Test
    void refillsContinuouslyAndSaysHowLongToWait() {
        RequestThrottle.Bucket b = new RequestThrottle.Bucket(6, 0);
        for (int i = 0; i < 6; i++) {
            assertThat(b.take(0)).isZero();
        }
        assertThat(b.take(0)).as("one token every 10 s").isEqualTo(10);
        assertThat(b.take(4_000)).isEqualTo(6);
        assertThat(b.take(10_000)).isZero();
        assertThat(b.take(10_000)).isEqualTo(10);
        assertThat(b.full(70_000)).isTrue();
        assertThat(b.full(50_000)).isFalse();
    }
}
