package com.serviceloop.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the project's tables store them: TIMESTAMP WITH TIME ZONE, written in UTC (H2 and PostgreSQL alike). */
public final class SqlTimestamps {

  private SqlTimestamps() {}

  /** Null stays null. */
  public static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
