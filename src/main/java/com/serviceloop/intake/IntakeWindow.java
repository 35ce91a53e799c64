package com.serviceloop.intake;

import com.serviceloop.api.FieldError;
import com.serviceloop.calendar.CalendarProperties;
import com.serviceloop.common.Moments;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When an intake may say the customer came: not in the future beyond the clock tolerance, not longer ago
 * than the configured window ({@link IntakeProperties}). Shared by the API and the processes' register steps,
 * so a start form or an engine REST start is held to the same bounds as POST /api/….
 */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
public class IntakeWindow {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  private final IntakeProperties properties;
  /** The operator's zone, for the bounds shown in messages. */
  private final ZoneId zone;

  @Autowired
  public IntakeWindow(IntakeProperties properties, CalendarProperties calendar) {
    this(properties, calendar.zone());
  }

  private IntakeWindow(IntakeProperties properties, ZoneId zone) {
    this.properties = properties;
    this.zone = zone;
  }

  /** The defaults (a week, five minutes, 30 days for a regulator's reply, Asia/Shanghai), for plain unit tests. */
  public static IntakeWindow defaults() {
    return of(IntakeProperties.defaults());
  }

  /** These bounds in the default zone, for plain unit tests. */
  public static IntakeWindow of(IntakeProperties properties) {
    return new IntakeWindow(properties, CalendarProperties.DEFAULT_ZONE);
  }

  public Duration maxAge() {
    return properties.maxAge();
  }

  /** The latest reply deadline a REGULATOR referral may set, from its receipt (serviceloop.intake.regulator-reply-max). */
  public Duration regulatorReplyMax() {
    return properties.regulatorReplyMax();
  }

  /** A duration as the messages say it: "30 days", "36 hours". */
  public static String describe(Duration duration) {
    if (duration.toHours() % 24 == 0) {
      return duration.toDays() + " days";
    }
    return duration.toHours() + " hours";
  }

  /**
   * Adds a field error when {@code at} is outside the window around {@code now}; true when it is inside.
   * A null {@code at} (defaulted to now by the caller) is inside.
   */
  public boolean check(String field, Instant at, Instant now, List<FieldError> errors) {
    if (at == null) {
      return true;
    }
    if (at.isAfter(now.plus(properties.clockTolerance()))) {
      errors.add(new FieldError(field, "must not be in the future (now is "
          + SHOWN.format(now.atZone(zone)) + ", " + properties.clockTolerance().toMinutes()
          + " minutes' clock tolerance)"));
      return false;
    }
    if (at.isBefore(now.minus(properties.maxAge()))) {
      errors.add(new FieldError(field, "must not be more than " + describe(properties.maxAge())
          + " ago (earliest " + SHOWN.format(now.minus(properties.maxAge()).atZone(zone)) + "); 每诉必录: record it the day it is received"));
      return false;
    }
    return true;
  }

  /**
   * The moment an intake's field {@code field} gives (null when it is not given), checked against the window
   * around {@code now}; null and the error "{field} must be ISO-8601 with an offset, e.g. {example}" when it
   * does not parse ({@code json}: from the API's JSON, where it must be text).
   */
  public Instant moment(Map<String, ?> vars, String field, boolean json, ZoneId zone, Instant now, String example,
      List<FieldError> errors) {
    Object value = vars.get(field);
    try {
      if (json && value != null && !(value instanceof String)) {
        throw new IllegalArgumentException("not text");
      }
      Instant at = Moments.toInstant(value, zone);
      check(field, at, now, errors);
      return at;
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, field + " must be ISO-8601 with an offset, e.g. " + example));
      return null;
    }
  }
}
