package com.serviceloop.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator's own holiday schedules (a file in the models folder or {@code PUT /api/calendar/years/{year}}):
 * per year the days of the schedule. A year listed here replaces the library's schedule for that year.
 * In the application it is {@link CalendarYearRepository} (the database, so every node of a cluster sees a new
 * schedule at once); tests and tools use {@link #of}.
 */
public interface OperatorSchedules {

  /** The schedules as they are now: year → (date → worked?). */
  Snapshot current();

  /** An immutable view of the schedules. */
  record Snapshot(Map<Integer, Map<LocalDate, Boolean>> years) {
    public static final Snapshot EMPTY = new Snapshot(Map.of());

    public Snapshot {
      years = Map.copyOf(years);
    }
  }

  /** Fixed schedules, e.g. for tests. */
  static OperatorSchedules of(HolidaySchedule... schedules) {
    Map<Integer, Map<LocalDate, Boolean>> years = new HashMap<>();
    Arrays.stream(schedules).forEach(s -> years.put(s.year(), s.days()));
    Snapshot snapshot = new Snapshot(years);
    return () -> snapshot;
  }
}
