package com.serviceloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring bean is the plain calendar configured from serviceloop.calendar.*; no engine needed. */
class CalendarConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(CalendarConfiguration.class, WorkingTimeCalendar.class);

  @Test
  void bindsTheApplicationDefaults() {
    context
        .withPropertyValues(
            "serviceloop.calendar.zone=Asia/Shanghai",
            "serviceloop.calendar.work-start=09:00",
            "serviceloop.calendar.work-end=18:00",
            "serviceloop.calendar.override-file=")
        .run(ctx -> {
          WorkingTimeCalendar calendar = ctx.getBean(WorkingTimeCalendar.class);
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
          assertThat(calendar.properties().workStart()).isEqualTo(LocalTime.of(9, 0));
          assertThat(calendar.properties().workingDays()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
          assertThat(calendar.due(at("2026-11-20T17:00+08:00"), "PT2H", WorkingTimeCalendar.TimeMode.WORKING))
              .isEqualTo(at("2026-11-23T10:00+08:00"));
        });
  }

  @Test
  void bindsOtherHoursZoneWorkingDaysAndOverrideFile() {
    context
        .withPropertyValues(
            "serviceloop.calendar.zone=Asia/Urumqi",
            "serviceloop.calendar.work-start=08:30",
            "serviceloop.calendar.work-end=17:30",
            "serviceloop.calendar.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY",
            "serviceloop.calendar.override-file=classpath:calendar/test-overrides.csv")
        .run(ctx -> {
          WorkingTimeCalendar calendar = ctx.getBean("workingTimeCalendar", WorkingTimeCalendar.class);
          assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
          assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-21"))).isTrue(); // a Saturday
          assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse(); // from the file
          // Fri 16:30 Urumqi (+06:00) + 2 h → 1 h Friday, 1 h Saturday from 08:30
          assertThat(calendar.due(at("2026-11-20T16:30+06:00"), "PT2H", WorkingTimeCalendar.TimeMode.WORKING))
              .isEqualTo(at("2026-11-21T09:30+06:00"));
        });
  }

  @Test
  void refusesAWorkingDayThatEndsBeforeItStarts() {
    context
        .withPropertyValues("serviceloop.calendar.work-start=18:00", "serviceloop.calendar.work-end=09:00")
        .run(ctx -> assertThat(ctx).hasFailed()
            .getFailure().rootCause().hasMessageContaining("must be before work-end"));
  }

  private static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }
}
