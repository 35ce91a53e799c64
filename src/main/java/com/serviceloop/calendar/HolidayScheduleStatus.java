package com.serviceloop.calendar;

import com.serviceloop.calendar.WorkingTimeCalendar.ScheduleSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Whether the holiday schedules the deadlines need are there: this year's always, next year's from 1 November
 * (in the calendar's zone, by the engine clock the caller passes). Shown on the KPI dashboard and in the health
 * output (holidaySchedule); a missing schedule is a warning, never DOWN.
 */
@Component
@RequiredArgsConstructor
public class HolidayScheduleStatus {

  /** From this month on, next year's schedule is expected. */
  static final Month WARN_FROM = Month.NOVEMBER;

  /** A schedule the deadlines need and nobody gave yet. */
  public record MissingSchedule(int year, LocalDate since, String message) {}

  private final WorkingTimeCalendar calendar;

  /** The missing schedules at {@code now}: empty when all is well. */
  public List<MissingSchedule> missing(Instant now) {
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    List<MissingSchedule> missing = new ArrayList<>();
    if (!calendar.hasHolidayScheduleFor(today.getYear())) {
      missing.add(missing(today.getYear(), LocalDate.of(today.getYear(), 1, 1)));
    }
    if (today.getMonth().compareTo(WARN_FROM) >= 0 && !calendar.hasHolidayScheduleFor(today.getYear() + 1)) {
      missing.add(missing(today.getYear() + 1, LocalDate.of(today.getYear(), WARN_FROM, 1)));
    }
    return missing;
  }

  /** Where this year's and next year's schedules come from (OPERATOR, LIBRARY, OVERRIDE_FILE, NONE). */
  public Map<Integer, ScheduleSource> sources(Instant now) {
    int year = now.atZone(calendar.zone()).getYear();
    Map<Integer, ScheduleSource> sources = new LinkedHashMap<>();
    sources.put(year, calendar.scheduleSourceOf(year));
    sources.put(year + 1, calendar.scheduleSourceOf(year + 1));
    return sources;
  }

  public LocalDate today(Instant now) {
    return now.atZone(calendar.zone()).toLocalDate();
  }

  private static MissingSchedule missing(int year, LocalDate since) {
    return new MissingSchedule(year, since, "尚无" + year + "年节假日安排 No holiday schedule for " + year
        + ": its deadlines count only weekends as days off. Add calendar/holidays-" + year
        + ".json to the models or PUT /api/calendar/years/" + year + " (docs/calendar.md)");
  }
}
