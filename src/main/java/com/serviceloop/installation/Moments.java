package com.serviceloop.installation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Moments as process variables and forms carry them: a Date, or a string such as 2026-11-20T17:00+08:00. */
public final class Moments {

  private Moments() {}

  /** Null for null or blank; else the instant, or IllegalArgumentException naming the value. */
  public static Instant toInstant(Object value, ZoneId zone) {
    if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException notLocal) {
        throw new IllegalArgumentException("Not a date-time: \"" + text + "\" (expected e.g. 2026-11-20T17:00+08:00)");
      }
    }
  }

  public static Date toDate(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  /** ISO-8601 with the offset of the given zone, as the API answers. */
  public static String iso(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime().toString();
  }
}
