package com.serviceloop.calendar;

import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.NATURAL;
import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.WORKING;
import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.calendar.WorkingTimeCalendar.ScheduleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's schedule of a year the library does not know (the documented, invented 2027 example): its
 * holidays are skipped, its make-up Saturdays are worked; without it, 2027 has weekends only.
 */
class OperatorScheduleCalendarTest {

  static Instant at(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  static WorkingTimeCalendar with(HolidaySchedule... schedules) {
    return new WorkingTimeCalendar(CalendarProperties.defaults(), OperatorSchedules.of(schedules));
  }

  @Test
  void withoutA2027Schedule_newYearsDayIsAWorkingDay_andTheDeadlineIsFlagged() {
    WorkingTimeCalendar calendar = WorkingTimeCalendar.withDefaults();
    assertThat(calendar.hasHolidayScheduleFor(2026)).isTrue();
    assertThat(calendar.hasHolidayScheduleFor(2027)).isFalse();
    assertThat(calendar.scheduleSourceOf(2027)).isEqualTo(ScheduleSource.NONE);
    Instant due = calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING);
    assertThat(due).isEqualTo(at("2027-01-01T10:00+08:00"));   // the example: New Year's Day
    assertThat(calendar.unscheduledYearOf(at("2026-12-31T17:00+08:00"), due, WORKING)).hasValue(2027);
    // a natural deadline does not depend on holidays; one inside 2026 does not cross
    assertThat(calendar.unscheduledYearOf(at("2026-12-31T17:00+08:00"), at("2027-01-07T17:00+08:00"), NATURAL))
        .isEmpty();
    assertThat(calendar.unscheduledYearOf(at("2026-12-30T09:00+08:00"), at("2026-12-30T11:00+08:00"), WORKING))
        .isEmpty();
  }

  @Test
  void the2027Schedule_skipsItsHoliday_andCountsItsMakeUpSaturday() throws Exception {
    WorkingTimeCalendar calendar = with(HolidayScheduleTest.exampleSchedule());
    assertThat(calendar.hasHolidayScheduleFor(2027)).isTrue();
    assertThat(calendar.scheduleSourceOf(2027)).isEqualTo(ScheduleSource.OPERATOR);
    // Thu 17:00 + 2 working hours: 1 h on Thursday, Friday 1 Jan is a holiday, Saturday 2 Jan is worked
    Instant due = calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING);
    assertThat(due).isEqualTo(at("2027-01-02T10:00+08:00"));
    assertThat(calendar.unscheduledYearOf(at("2026-12-31T17:00+08:00"), due, WORKING)).isEmpty();
    // Fri 5 Feb + 3 working days: Mon 8, Tue 9, Wed 10 are holidays → Thu 11, Fri 12, Mon 15
    assertThat(calendar.due(at("2027-02-05T15:00+08:00"), "P3D", WORKING)).isEqualTo(at("2027-02-15T15:00+08:00"));
    // Fri 19 Feb 17:00 + 2 h: Saturday 20 Feb is a make-up working day
    assertThat(calendar.due(at("2027-02-19T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-02-20T10:00+08:00"));
    // days the schedule does not name follow the weekday rule
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-09"))).isFalse();   // a Saturday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-04"))).isTrue();    // a Monday
  }

  @Test
  void anOperatorScheduleReplacesTheLibrarysYear() throws Exception {
    HolidaySchedule own2026 = HolidaySchedule.read(HolidayScheduleTest.JSON.readTree("""
        {"year": 2026, "holidays": [{"date": "2026-11-20", "name": "公司纪念日"}]}"""), 2026, HolidayScheduleTest.MON_FRI);
    WorkingTimeCalendar calendar = with(own2026);
    assertThat(calendar.scheduleSourceOf(2026)).isEqualTo(ScheduleSource.OPERATOR);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-20"))).isFalse();
    // the library's National Day is not in the operator's 2026: the operator's year is the whole schedule
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
    assertThat(WorkingTimeCalendar.withDefaults().isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
    assertThat(WorkingTimeCalendar.withDefaults().isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).isTrue();
  }

  @Test
  void theOverrideFileStillWinsOverTheOperatorsSchedule(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("overrides.csv");
    Files.writeString(file, "2027-01-02,HOLIDAY,branch day off\n");
    WorkingTimeCalendar calendar = new WorkingTimeCalendar(
        CalendarProperties.defaults().withOverrideFile(file.toString()),
        OperatorSchedules.of(HolidayScheduleTest.exampleSchedule()));
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isFalse();
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-04T10:00+08:00"));
  }

  @Test
  void aNewScheduleCountsForTheNextDeadline_noRestart() throws Exception {
    AtomicReference<OperatorSchedules.Snapshot> current = new AtomicReference<>(OperatorSchedules.Snapshot.EMPTY);
    WorkingTimeCalendar calendar = new WorkingTimeCalendar(CalendarProperties.defaults(), current::get);
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-01T10:00+08:00"));
    current.set(OperatorSchedules.of(HolidayScheduleTest.exampleSchedule()).current());
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-02T10:00+08:00"));
    assertThat(List.of(calendar.hasHolidayScheduleFor(2027))).containsExactly(true);
    assertThat(calendar.unscheduledYearOf(at("2027-12-31T17:00+08:00"), at("2028-01-03T10:00+08:00"), WORKING))
        .isEqualTo(OptionalInt.of(2028));
  }
}
