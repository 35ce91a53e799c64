package com.serviceloop.common;

import com.serviceloop.calendar.WorkingTimeCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

/** Moments as process variables and forms carry them: a Date, or a string such as 2026-11-20T17:00+08:00. */
public final class Moments {

  private Moments() {}

  /** Null for null or blank; else the instant, or IllegalArgumentException naming the value. */
  public static Instant toInstant(Object value, ZoneId zone) {
    if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
      return null;
    }
    return WorkingTimeCalendar.parseMoment(value, zone);
  }

  public static Date toDate(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** ISO-8601 with the offset of the given zone, as the API answers. */
  public static String iso(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
  }
}
