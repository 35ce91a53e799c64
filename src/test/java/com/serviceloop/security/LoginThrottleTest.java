package com.serviceloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final Ticker ticker = nanos::get;
  final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), ticker);

  @Test
  void anAddressIsRefusedFromItsMaxFailuresUntilTheWindowEnds() {
    throttle.failed("10.0.0.1", "channel1");
    throttle.failed("10.0.0.1", "channel1");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
    throttle.failed("10.0.0.1", "channel1");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(300);
    assertThat(throttle.retryAfterSeconds("10.0.0.2")).isZero();

    advance(Duration.ofMinutes(4));
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(60);
    advance(Duration.ofSeconds(61));
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
    // a new window
    throttle.failed("10.0.0.1", "channel1");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
