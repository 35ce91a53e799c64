package com.serviceloop.calendar;

import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarOverrideFileTest {

  @TempDir Path dir;

  private static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  private WorkingTimeCalendar calendarWith(String content) throws IOException {
    Path file = dir.resolve("holidays.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return new WorkingTimeCalendar(CalendarProperties.defaults().withOverrideFile(file.toString()));
  }

  @Test
  void overridesMakeADayAHolidayAndAnotherAWorkingDay() throws IOException {
    WorkingTimeCalendar calendar = calendarWith("""
        # local corrections for November 2026
        2026-11-21,WORKDAY   # Saturday worked (branch event)
        2026-11-23,HOLIDAY,branch anniversary

        """);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-21"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-23"))).isFalse();
    // Fri 17:00 + 2 h → the worked Saturday 10:00
    assertThat(calendar.due(at("2026-11-20T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2026-11-21T10:00+08:00"));
    // Sat 17:00 + 2 h → Sunday off, Monday a holiday → Tuesday 10:00
    assertThat(calendar.due(at("2026-11-21T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2026-11-24T10:00+08:00"));
  }

  @Test
  void overridesWinOverTheLibrary() throws IOException {
    WorkingTimeCalendar calendar = calendarWith("""
        2026-10-10,HOLIDAY
        2026-10-07,WORKDAY
        """);

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isFalse(); // tyme4j: make-up Saturday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).isTrue(); // tyme4j: National Day
    assertThat(calendar.firstWorkingDayOf(YearMonth.of(2026, 10))).isEqualTo(LocalDate.parse("2026-10-07"));
  }

  @Test
  void overridesCoverAYearTheLibraryDoesNotKnow() throws IOException {
    WorkingTimeCalendar calendar = calendarWith("""
        # 2027: not in tyme4j 1.4.9
        2027-01-01,HOLIDAY
        2027-02-07,workday
        """);

    assertThat(calendar.hasHolidayScheduleFor(2027)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse(); // a Friday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-07"))).isTrue(); // a Sunday
    // Thu 31 Dec 2026 17:00 + 2 h: Fri 1 Jan off, weekend → Mon 4 Jan 2027 10:00
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-04T10:00+08:00"));
    assertThat(calendar.firstWorkingDayOf(YearMonth.of(2027, 1))).isEqualTo(LocalDate.parse("2027-01-04"));
  }

  @Test
  void fileOnTheClasspath() {
    WorkingTimeCalendar calendar =
        new WorkingTimeCalendar(
            CalendarProperties.defaults().withOverrideFile("classpath:calendar/test-overrides.csv"));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
  }

  @Test
  void malformedLinesStopWithFileAndLineNumber() throws IOException {
    assertThatThrownBy(() -> calendarWith("2027-01-01,HOLIDAY\n2027-13-01,HOLIDAY\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> calendarWith("2027-01-01,DAY_OFF\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("HOLIDAY or WORKDAY");
    assertThatThrownBy(() -> calendarWith("2027-01-01\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> calendarWith("2027-01-01,HOLIDAY\n2027-01-01,WORKDAY\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both");
  }

  @Test
  void missingFileStopsWithItsPath() {
    String missing = dir.resolve("nope.csv").toString();
    assertThatThrownBy(() -> new WorkingTimeCalendar(CalendarProperties.defaults().withOverrideFile(missing)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("serviceloop.calendar.override-file");
  }
}
