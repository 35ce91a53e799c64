package com.serviceloop.calendar;

import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.NATURAL;
import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default calendar (Asia/Shanghai, Mon–Fri 09:00–18:00, China's 2026 schedule from tyme4j).
 * Expected instants are written out by hand from the official 2026 schedule:
 * 元旦 1–3 Jan (Sun 4 Jan worked), 春节 15–23 Feb (Sat 14 and Sat 28 Feb worked), 中秋 25–27 Sep,
 * 国庆 1–7 Oct (Sun 20 Sep and Sat 10 Oct worked).
 */
class WorkingTimeCalendarTest {

  private final WorkingTimeCalendar calendar = WorkingTimeCalendar.withDefaults();

  private static Instant at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant();
  }

  private Instant due(String start, String iso, TimeMode mode) {
    return calendar.due(at(start), iso, mode);
  }

  @Test
  void issueExample_fridayAfternoonPlusTwoWorkingHoursIsMondayTen() {
    assertThat(due("2026-11-20T17:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-11-23T10:00+08:00"));
  }

  @Test
  void subtractingWorkingTimeUndoesAddingIt_acrossTheWeekend() {
    // Monday 10:00 less two working hours is Friday 17:00, the moment that adding them started from
    assertThat(calendar.subtractWorkingTime(at("2026-11-23T10:00+08:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-11-20T17:00+08:00"));
    Instant later = calendar.addWorkingTime(at("2026-11-20T15:30+08:00"), Duration.ofHours(5));
    assertThat(calendar.subtractWorkingTime(later, Duration.ofHours(5))).isEqualTo(at("2026-11-20T15:30+08:00"));
  }

  @Test
  void zoneIsShanghaiByDefault() {
    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Nested
  class WorkingHours {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
      // within one working day
      "2026-11-18T10:00+08:00, PT2H,   2026-11-18T12:00+08:00",
      "2026-11-18T09:00+08:00, PT9H,   2026-11-18T18:00+08:00",
      "2026-11-18T15:30+08:00, PT30M,  2026-11-18T16:00+08:00",
      // across the night
      "2026-11-17T17:30+08:00, PT2H,   2026-11-18T10:30+08:00",
      "2026-11-17T16:00+08:00, PT2H,   2026-11-17T18:00+08:00",
      "2026-11-17T16:00+08:00, PT2H1M, 2026-11-18T09:01+08:00",
      // start outside working hours: first the next working moment
      "2026-11-21T10:00+08:00, PT2H,   2026-11-23T11:00+08:00",
      "2026-11-18T07:15+08:00, PT2H,   2026-11-18T11:00+08:00",
      "2026-11-18T18:00+08:00, PT2H,   2026-11-19T11:00+08:00",
      "2026-11-18T23:59+08:00, PT2H,   2026-11-19T11:00+08:00",
      // several days of working hours: 24 working hours = 2 days 6 hours of 9-hour days
      "2026-11-16T09:00+08:00, PT24H,  2026-11-18T15:00+08:00",
      // a start given in UTC is the same moment (Fri 09:00Z = Fri 17:00 in Shanghai)
      "2026-11-20T09:00Z,      PT2H,   2026-11-23T10:00+08:00",
    })
    void addsWorkingHours(String start, String iso, String expected) {
      assertThat(due(start, iso, WORKING)).isEqualTo(at(expected));
    }

    @Test
    void zeroDurationIsTheNextWorkingMoment() {
      assertThat(due("2026-11-21T10:00+08:00", "PT0S", WORKING)).isEqualTo(at("2026-11-23T09:00+08:00"));
      assertThat(due("2026-11-18T10:00+08:00", "PT0S", WORKING)).isEqualTo(at("2026-11-18T10:00+08:00"));
    }
  }

  @Nested
  class WorkingDays {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
      // Wed → Thu, Fri, Mon
      "2026-11-18T15:30+08:00, P3D,    2026-11-23T15:30+08:00",
      "2026-11-20T10:00+08:00, P1D,    2026-11-23T10:00+08:00",
      // outside hours: Fri evening → Mon 09:00 → one working day later
      "2026-11-20T20:00+08:00, P1D,    2026-11-24T09:00+08:00",
      // days then hours: Mon 16:00 + 1 day = Tue 16:00, + 4 h = 2 h Tue + 2 h Wed
      "2026-11-23T16:00+08:00, P1DT4H, 2026-11-25T11:00+08:00",
      // across National Day: Tue 29 Sep → Wed 30 Sep, Thu 8 Oct, Fri 9 Oct
      "2026-09-29T10:00+08:00, P3D,    2026-10-09T10:00+08:00",
      // a make-up Saturday counts: Thu 8 Oct → Fri 9 Oct, Sat 10 Oct, Mon 12 Oct
      "2026-10-08T11:00+08:00, P3D,    2026-10-12T11:00+08:00",
    })
    void countsWorkingDays(String start, String iso, String expected) {
      assertThat(due(start, iso, WORKING)).isEqualTo(at(expected));
    }

    @Test
    void helpersAgreeWithDue() {
      assertThat(calendar.addWorkingDays(at("2026-11-18T15:30+08:00"), 3)).isEqualTo(at("2026-11-23T15:30+08:00"));
      assertThat(calendar.addWorkingTime(at("2026-11-20T17:00+08:00"), Duration.ofHours(2)))
          .isEqualTo(at("2026-11-23T10:00+08:00"));
    }
  }

  @Nested
  class PublicHolidays {

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-23", "2026-04-06", "2026-05-01",
        "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-05", "2026-10-07"})
    void officialHolidaysOnWeekdaysAreNotWorkingDays(String day) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isFalse();
    }

    @Test
    void nationalDayWeekIsSkipped() {
      // Wed 30 Sep 17:00: one hour that day, then 1–7 Oct off, the second hour on Thu 8 Oct
      assertThat(due("2026-09-30T17:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-10-08T10:00+08:00"));
      // received during the holiday: counting starts on Thu 8 Oct 09:00
      assertThat(due("2026-10-03T11:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-10-08T11:00+08:00"));
    }

    @Test
    void midAutumnFridayIsSkipped() {
      // Thu 24 Sep 17:00 → Fri 25 Sep (中秋) and the weekend off → Mon 28 Sep
      assertThat(due("2026-09-24T17:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-09-28T10:00+08:00"));
    }

    @Test
    void springFestivalAfterTheMakeUpSaturday() {
      // Sat 14 Feb is worked; 15–23 Feb off; Tue 24 Feb is the next working day
      assertThat(due("2026-02-14T17:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-02-24T10:00+08:00"));
    }
  }

  @Nested
  class MakeUpWorkingDays {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void officialMakeUpWeekendDaysAreWorkingDays(String day) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isTrue();
    }

    @Test
    void deadlineFallsOnTheMakeUpSaturday() {
      // Fri 9 Oct 17:00 → Sat 10 Oct (调休, worked) 10:00
      assertThat(due("2026-10-09T17:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-10-10T10:00+08:00"));
      // Fri 13 Feb 17:00 → Sat 14 Feb (worked before Spring Festival) 10:00
      assertThat(due("2026-02-13T17:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-02-14T10:00+08:00"));
    }

    @Test
    void complaintReceivedOnTheMakeUpSundayIsWorkedThatDay() {
      // Sun 20 Sep 2026 is a working day: 10:00 + 2 h = 12:00 the same day
      assertThat(due("2026-09-20T10:00+08:00", "PT2H", WORKING)).isEqualTo(at("2026-09-20T12:00+08:00"));
    }

    @Test
    void ordinaryWeekendsAreNotWorkingDays() {
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-21"))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-22"))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-23"))).isTrue();
    }
  }

  @Nested
  class NaturalTime {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
      "2026-11-18T15:30+08:00, P3D,   2026-11-21T15:30+08:00",
      "2026-11-18T15:30+08:00, PT24H, 2026-11-19T15:30+08:00",
      "2026-11-20T17:00+08:00, PT2H,  2026-11-20T19:00+08:00",
      "2026-11-18T15:30+08:00, P15D,  2026-12-03T15:30+08:00",
      "2026-09-30T10:00+08:00, P1DT4H, 2026-10-01T14:00+08:00",
      "2026-01-31T10:00+08:00, P1M,   2026-02-28T10:00+08:00",
      "2026-11-18T15:30+08:00, P1W,   2026-11-25T15:30+08:00",
    })
    void isPlainElapsedTime(String start, String iso, String expected) {
      assertThat(due(start, iso, NATURAL)).isEqualTo(at(expected));
    }
  }

  /** SLA warnings: a share of a limit, counted in the limit's own mode (dueAtShare / shareOf). */
  @Nested
  class SharesOfALimit {

    @ParameterizedTest(name = "{2} of {0} + {1} {3} = {4}")
    @CsvSource({
      // due Monday 10:00: one working hour on Friday, one on Monday; 50 % is Friday's end = Monday 09:00 at work
      "2026-11-20T17:00+08:00, PT2H, 0.5,  WORKING, 2026-11-23T09:00+08:00",
      "2026-11-20T17:00+08:00, PT2H, 0.75, WORKING, 2026-11-23T09:30+08:00",
      "2026-11-20T17:00+08:00, PT2H, 1.0,  WORKING, 2026-11-23T10:00+08:00",
      // one working day = 9 working hours: half of it is 4.5 hours on
      "2026-11-23T10:00+08:00, P1D,  0.5,  WORKING, 2026-11-23T14:30+08:00",
      // across National Day: due 10-08 10:00, the warnings after the holiday
      "2026-09-30T17:00+08:00, PT2H, 0.5,  WORKING, 2026-10-08T09:00+08:00",
      "2026-09-30T17:00+08:00, PT2H, 0.75, WORKING, 2026-10-08T09:30+08:00",
      // natural time: plain elapsed time, also at night
      "2026-11-20T17:00+08:00, P7D,  0.5,  NATURAL, 2026-11-24T05:00+08:00",
      "2026-11-20T17:00+08:00, P7D,  0.75, NATURAL, 2026-11-25T23:00+08:00",
    })
    void isTheShareOfTheSpanInTheLimitsMode(String start, String iso, double share, TimeMode mode, String expected) {
      assertThat(calendar.dueAtShare(at(start), iso, share, mode)).isEqualTo(at(expected));
    }

    @Test
    void aShareIsBetweenZeroAndOne() {
      assertThatThrownBy(() -> calendar.dueAtShare(at("2026-11-20T17:00+08:00"), "PT2H", 1.5, WORKING))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }
  }

  @Nested
  class FirstWorkingDay {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
      "2026-01, 2026-01-04", // 1–3 Jan holiday, Sun 4 Jan a make-up working day
      "2026-02, 2026-02-02", // Sun 1 Feb
      "2026-05, 2026-05-06", // 1–5 May holiday
      "2026-10, 2026-10-08", // 1–7 Oct holiday
      "2026-11, 2026-11-02", // Sun 1 Nov
      "2026-12, 2026-12-01", // an ordinary Tuesday
    })
    void ofMonth(String month, String expected) {
      assertThat(calendar.firstWorkingDayOf(YearMonth.parse(month))).isEqualTo(LocalDate.parse(expected));
    }
  }

  @Nested
  class BadInput {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2H", "2 hours", "P", "PT", "P1DT", "PT2D", "P1.5D", "PT1.5H", "PTXH", "P1DT2HT"})
    void malformedDurationsAreRejectedWithTheValue(String iso) {
      assertThatThrownBy(() -> due("2026-11-20T17:00+08:00", iso, WORKING))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ISO-8601")
          .hasMessageContaining("PT2H");
    }

    @Test
    void nullDurationIsRejected() {
      assertThatThrownBy(() -> due("2026-11-20T17:00+08:00", null, NATURAL))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("duration is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT2H", "PT-2H", "P-1D"})
    void negativeDurationsAreRejected(String iso) {
      assertThatThrownBy(() -> due("2026-11-20T17:00+08:00", iso, NATURAL))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "P1W", "P1MT2H"})
    void calendarUnitsAreRejectedInWorkingMode(String iso) {
      assertThatThrownBy(() -> due("2026-11-20T17:00+08:00", iso, WORKING))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("WORKING mode")
          .hasMessageContaining(iso);
    }

    @Test
    void missingStartOrModeIsRejected() {
      assertThatThrownBy(() -> calendar.due((Instant) null, "PT2H", WORKING))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> calendar.due((Date) null, "PT2H", WORKING))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> calendar.due(at("2026-11-20T17:00+08:00"), "PT2H", null))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeModeFromText() {
      assertThat(TimeMode.of("WORKING")).isEqualTo(WORKING);
      assertThat(TimeMode.of(" natural ")).isEqualTo(NATURAL);
      assertThatThrownBy(() -> TimeMode.of("BUSINESS"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("WORKING or NATURAL");
    }
  }

  @Nested
  class ForDelegatesAndForms {

    @Test
    void dateOverload() {
      Date start = Date.from(at("2026-11-20T17:00+08:00"));
      assertThat(calendar.due(start, "PT2H", WORKING)).isEqualTo(Date.from(at("2026-11-23T10:00+08:00")));
    }

    @Test
    void dueDateFromUntypedValues() {
      Date expected = Date.from(at("2026-11-23T10:00+08:00"));
      assertThat(calendar.dueDate("2026-11-20T17:00+08:00", "PT2H", "WORKING")).isEqualTo(expected);
      assertThat(calendar.dueDate(Date.from(at("2026-11-20T17:00+08:00")), "PT2H", "WORKING")).isEqualTo(expected);
      assertThat(calendar.dueDate("2026-11-18T15:30+08:00", "P3D", "NATURAL"))
          .isEqualTo(Date.from(at("2026-11-21T15:30+08:00")));
      assertThatThrownBy(() -> calendar.dueDate("2026-11-20T17:00+08:00", "PT2H", null))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void momentsFromFormsAndVariables() {
      Instant expected = at("2026-11-20T17:00+08:00");
      assertThat(calendar.toInstant("2026-11-20T17:00+08:00")).isEqualTo(expected);
      assertThat(calendar.toInstant("2026-11-20T09:00Z")).isEqualTo(expected);
      assertThat(calendar.toInstant("2026-11-20T17:00")).isEqualTo(expected);
      assertThat(calendar.toInstant("2026-11-20T17:00+08:00[Asia/Shanghai]")).isEqualTo(expected);
      assertThat(calendar.toInstant(Date.from(expected))).isEqualTo(expected);
      assertThat(calendar.toInstant(LocalDateTime.parse("2026-11-20T17:00"))).isEqualTo(expected);
      assertThatThrownBy(() -> calendar.toInstant("next Friday"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("next Friday");
      assertThatThrownBy(() -> calendar.toInstant(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingTimeBetweenTwoMoments() {
      assertThat(calendar.workingTimeBetween(at("2026-11-20T17:00+08:00"), at("2026-11-23T10:00+08:00")))
          .isEqualTo(Duration.ofHours(2));
      assertThat(calendar.workingTimeBetween(at("2026-09-30T17:00+08:00"), at("2026-10-08T10:00+08:00")))
          .isEqualTo(Duration.ofHours(2));
      assertThat(calendar.workingTimeBetween(at("2026-11-21T10:00+08:00"), at("2026-11-21T16:00+08:00")))
          .isZero();
      assertThat(calendar.workingTimeBetween(at("2026-11-23T10:00+08:00"), at("2026-11-20T17:00+08:00")))
          .isZero();
    }

    @Test
    void displaysMomentsInShanghaiTimeForForms() {
      assertThat(calendar.display(Date.from(at("2026-11-23T02:00:00Z")))).isEqualTo("2026-11-23 10:00 周一 (+08:00)");
      assertThat(calendar.display("2026-11-21T15:30+08:00")).isEqualTo("2026-11-21 15:30 周六 (+08:00)");
      assertThat(calendar.display(null)).isNull();
    }

    @Test
    void readsTheEngineRestApisDateFormat() {
      assertThat(calendar.toInstant("2026-11-23T10:00:00.000+0800")).isEqualTo(at("2026-11-23T10:00+08:00"));
    }

    @Test
    void workingTimeAndNextWorkingMoment() {
      assertThat(calendar.isWorkingTime(at("2026-11-20T17:59+08:00"))).isTrue();
      assertThat(calendar.isWorkingTime(at("2026-11-20T18:00+08:00"))).isFalse();
      assertThat(calendar.isWorkingTime(at("2026-10-10T10:00+08:00"))).isTrue();
      assertThat(calendar.nextWorkingMoment(at("2026-10-01T10:00+08:00"))).isEqualTo(at("2026-10-08T09:00+08:00"));
    }

    @Test
    void libraryCoversTheCurrentYearOnly() {
      assertThat(calendar.hasHolidayScheduleFor(2026)).isTrue();
      // tyme4j 1.4.9 knows no official schedule for 2027 yet: 1 Jan 2027 (a Friday) is then a plain weekday
      assertThat(calendar.hasHolidayScheduleFor(2027)).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isTrue();
    }
  }
}
