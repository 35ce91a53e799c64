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
 * @param regulatorReplyMax the latest reply deadline a REGULATOR referral may set, counted from its receipt
 *     (default P30D: MIIT's 30 days, 电信用户申诉处理办法); a later regulatorReplyDue is refused
 */
@ConfigurationProperties(prefix = "serviceloop.intake")
public record IntakeProperties(Duration maxAge, Duration clockTolerance, Duration idempotencyRetention,
    Duration regulatorReplyMax) {

  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
  public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);
  public static final Duration DEFAULT_REGULATOR_REPLY_MAX = Duration.ofDays(30);

  public IntakeProperties {
    maxAge = maxAge != null ? maxAge : DEFAULT_MAX_AGE;
    clockTolerance = clockTolerance != null ? clockTolerance : DEFAULT_CLOCK_TOLERANCE;
    idempotencyRetention = idempotencyRetention != null ? idempotencyRetention : DEFAULT_IDEMPOTENCY_RETENTION;
    regulatorReplyMax = regulatorReplyMax != null ? regulatorReplyMax : DEFAULT_REGULATOR_REPLY_MAX;
    if (maxAge.isNegative() || maxAge.isZero() || clockTolerance.isNegative() || idempotencyRetention.isNegative()) {
      throw new IllegalArgumentException("serviceloop.intake: max-age must be positive, clock-tolerance and "
          + "idempotency-retention not negative");
    }
    if (regulatorReplyMax.isNegative() || regulatorReplyMax.isZero()) {
      throw new IllegalArgumentException("serviceloop.intake.regulator-reply-max must be positive, not "
          + regulatorReplyMax);
    }
  }

  public static IntakeProperties defaults() {
    return new IntakeProperties(null, null, null, null);
  }
}
