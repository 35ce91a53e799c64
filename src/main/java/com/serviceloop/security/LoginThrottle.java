package com.serviceloop.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins counted per client address, not per user: after {@code maxFailures} failures within
 * {@code window} (counted from the first one) that address is refused until the window ends, whatever user
 * it names. A channel system calling from its own address keeps working while somebody elsewhere guesses its
 * password; the guesser gets {@code maxFailures} tries per window. The engine's per-user lock is off
 * (application.yaml: login-max-attempts, login-delay-base), because it blocked the correct password too.
 *
 * <p>Bounded memory: at most 100,000 addresses are tracked (the least recently used go first).
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private record Failures(AtomicInteger count, long firstNanos) {}

  private final int maxFailures;
  private final Duration window;
  private final Ticker ticker;
  private final Cache<String, Failures> failures;
  private final AtomicLong refused = new AtomicLong();
  private Counter failedLogins;

  public LoginThrottle(int maxFailures, Duration window, Ticker ticker) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("login throttle: max-failures >= 1 and a positive window");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.ticker = ticker;
    this.failures = Caffeine.newBuilder()
        .expireAfterWrite(window.toNanos(), TimeUnit.NANOSECONDS)
        .maximumSize(100_000)
        .ticker(ticker)
        .build();
  }

  public void bindTo(MeterRegistry registry) {
    failedLogins = Counter.builder("serviceloop.login.failures").description("Failed logins (any address)")
        .register(registry);
    registry.gauge("serviceloop.login.refused", refused, AtomicLong::doubleValue);
  }

  /** Seconds until this address may try again; 0: it may. */
  public long retryAfterSeconds(String address) {
    Failures entry = failures.getIfPresent(address);
    if (entry == null || entry.count().get() < maxFailures) {
      return 0;
    }
    long remaining = window.toNanos() - (ticker.read() - entry.firstNanos());
    if (remaining <= 0) {
      return 0;
    }
    refused.incrementAndGet();
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining + 999_999_999L));
  }

  public void failed(String address, String userId) {
    int count = failures.get(address, key -> new Failures(new AtomicInteger(), ticker.read())).count()
        .incrementAndGet();
    if (failedLogins != null) {
      failedLogins.increment();
    }
    if (count == maxFailures) {
      LOG.warn("{} failed logins from {} within {} (last for user '{}'): that address is refused until the "
          + "window ends", count, address, window, userId);
    } else {
      LOG.info("Failed login for user '{}' from {} ({} of {} in the window)", userId, address, count, maxFailures);
    }
  }

  /** Forget an address (tests; an operator unblocking a known client would restart or wait the window). */
  public void reset(String address) {
    failures.invalidate(address);
  }
}
