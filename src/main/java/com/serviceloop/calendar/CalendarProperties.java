package com.serviceloop.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the working-time calendar, bound from {@code serviceloop.calendar.*}.
 *
 * @param zone the time zone working hours are counted in (default Asia/Shanghai)
 * @param workStart start of the working day (default 09:00)
 * @param workEnd end of the working day (default 18:00), after {@code workStart}
 * @param overrideFile path of a file of holidays and make-up working days that wins over the library
 *     ({@code classpath:} prefix allowed); empty or null = none
 * @param workingDays weekdays that are working days when neither the override file nor the holiday
 *     library says otherwise (default Monday to Friday)
 */
@ConfigurationProperties(prefix = "serviceloop.calendar")
public record CalendarProperties(
    ZoneId zone, LocalTime workStart, LocalTime workEnd, String overrideFile, Set<DayOfWeek> workingDays) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  public static final LocalTime DEFAULT_WORK_START = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_WORK_END = LocalTime.of(18, 0);

  public CalendarProperties {
    zone = zone != null ? zone : DEFAULT_ZONE;
    workStart = workStart != null ? workStart : DEFAULT_WORK_START;
    workEnd = workEnd != null ? workEnd : DEFAULT_WORK_END;
    overrideFile = overrideFile == null ? "" : overrideFile.trim();
    workingDays =
        Collections.unmodifiableSet(
            workingDays == null || workingDays.isEmpty()
                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                : EnumSet.copyOf(workingDays));
    if (!workStart.isBefore(workEnd)) {
      throw new IllegalArgumentException(
          "serviceloop.calendar.work-start (" + workStart + ") must be before work-end (" + workEnd + ")");
    }
  }

  /** Asia/Shanghai, Monday to Friday 09:00–18:00, no override file. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null, null);
  }

  /** The same settings with another override file. */
  public CalendarProperties withOverrideFile(String path) {
    return new CalendarProperties(zone, workStart, workEnd, path, workingDays);
  }
}
