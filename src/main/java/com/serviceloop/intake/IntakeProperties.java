package com.serviceloop.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of every intake (complaints, broadband orders, fault reports), bound from {@code serviceloop.intake.*}.
 *
 * @param maxAge how long ago a customer's complaint, order or report may have been received and still be
 *     recorded (每诉必录: a complaint is recorded the day it is received; default P7D, a week)
 * @param clockTolerance how far a channel system's clock may run ahead of ours (default PT5M)
 * @param idempotencyRetention how long an Idempotency-Key is remembered (default PT24H, a channel system's
 *     retry window); older keys are deleted and a POST with one creates a new order
 */
@ConfigurationProperties(prefix = "serviceloop.intake")
public record IntakeProperties(Duration maxAge, Duration clockTolerance, Duration idempotencyRetention) {

  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
  public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  public IntakeProperties {
    maxAge = maxAge != null ? maxAge : DEFAULT_MAX_AGE;
    clockTolerance = clockTolerance != null ? clockTolerance : DEFAULT_CLOCK_TOLERANCE;
    idempotencyRetention = idempotencyRetention != null ? idempotencyRetention : DEFAULT_IDEMPOTENCY_RETENTION;
    if (maxAge.isNegative() || maxAge.isZero() || clockTolerance.isNegative() || idempotencyRetention.isNegative()) {
      throw new IllegalArgumentException("serviceloop.intake: max-age must be positive, clock-tolerance and "
          + "idempotency-retention not negative");
    }
  }

  public static IntakeProperties defaults() {
    return new IntakeProperties(null, null, null);
  }
}
