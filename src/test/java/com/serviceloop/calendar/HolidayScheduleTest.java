package com.serviceloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.api.FieldError;
import com.serviceloop.calendar.HolidaySchedule.InvalidScheduleException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A schedule is accepted only when it is a real one; every refusal names the field and the day. */
class HolidayScheduleTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  /** The documented example (docs/examples/holidays-2027.example.json): invented dates, not the real notice. */
  static JsonNode example() throws Exception {
    try (InputStream in = HolidayScheduleTest.class.getResourceAsStream("/calendar-examples/holidays-2027.example.json")) {
      return JSON.readTree(in);
    }
  }

  static HolidaySchedule exampleSchedule() throws Exception {
    return HolidaySchedule.read(example(), 2027, MON_FRI);
  }

  static List<FieldError> problems(String json, Integer year) {
    try {
      HolidaySchedule.read(JSON.readTree(json), year, MON_FRI);
    } catch (InvalidScheduleException e) {
      return e.errors();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void theExampleIsRead_datesAscending_withNames() throws Exception {
    HolidaySchedule schedule = exampleSchedule();
    assertThat(schedule.year()).isEqualTo(2027);
    assertThat(schedule.source()).startsWith("EXAMPLE ONLY");
    assertThat(schedule.holidays()).extracting(HolidaySchedule.Day::date)
        .containsExactly(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-08"), LocalDate.parse("2027-02-09"),
            LocalDate.parse("2027-02-10"));
    assertThat(schedule.workdays()).extracting(HolidaySchedule.Day::name)
        .containsExactly("元旦调休 (example)", "春节调休 (example)");
    assertThat(schedule.days()).containsEntry(LocalDate.parse("2027-01-01"), false)
        .containsEntry(LocalDate.parse("2027-01-02"), true).hasSize(6);
    // the JSON form reads back to the same schedule
    assertThat(HolidaySchedule.read(JSON.valueToTree(schedule.toJson()), 2027, MON_FRI)).isEqualTo(schedule);
  }

  @Test
  void aDateOfAnotherYear_isRefusedNamingTheDay() {
    assertThat(problems("""
        {"year": 2027, "holidays": [{"date": "2027-01-01", "name": "元旦"}, {"date": "2026-12-31", "name": "跨年"}]}""",
        2027)).containsExactly(new FieldError("holidays[1].date", "2026-12-31 is not in 2027"));
  }

  @Test
  void aDayBothHolidayAndMakeUpDay_isRefused() {
    assertThat(problems("""
        {"year": 2027, "holidays": [{"date": "2027-01-02", "name": "元旦"}],
         "workdays": [{"date": "2027-01-02", "name": "调休"}]}""", 2027))
        .containsExactly(new FieldError("workdays[0]", "2027-01-02 is both a holiday and a make-up working day"));
  }

  @Test
  void aDateListedTwice_isRefused() {
    assertThat(problems("""
        {"year": 2027, "holidays": [{"date": "2027-02-08", "name": "春节"}, {"date": "2027-02-08", "name": "春节"}]}""",
        2027)).containsExactly(new FieldError("holidays[1].date", "2027-02-08 is listed twice (also holidays[0])"));
  }

  @Test
  void aMakeUpDayOnAWorkingWeekday_isRefused() {
    assertThat(problems("""
        {"year": 2027, "holidays": [{"date": "2027-01-01", "name": "元旦"}],
         "workdays": [{"date": "2027-01-04", "name": "调休"}]}""", 2027))
        .containsExactly(new FieldError("workdays[0]",
            "2027-01-04 is a Monday, a working day anyway: a make-up working day (调休) falls on a weekend"));
  }

  @Test
  void noHolidays_isRefused() {
    assertThat(problems("{\"year\": 2027, \"holidays\": []}", 2027))
        .containsExactly(new FieldError("holidays", "empty: a year's schedule has holidays"));
    assertThat(problems("{\"year\": 2027}", 2027)).extracting(FieldError::field).containsExactly("holidays");
  }

  @Test
  void otherMistakes_allListedAtOnce() {
    List<FieldError> problems = problems("""
        {"year": 2028, "holiday": [], "holidays": [{"date": "2027-02-30", "name": "x"}, {"date": "2027-03-01"},
         "2027-03-02"], "workdays": {}}""", 2027);
    assertThat(problems).extracting(FieldError::field).containsExactly("holiday", "year", "holidays[0].date",
        "holidays[1].name", "holidays[2]", "workdays");
    assertThat(problems.get(1).message()).isEqualTo("2028 is not 2027, the year it is stored for");
    assertThat(problems.get(2).message()).isEqualTo("2027-02-30 is not a day of the calendar");
    assertThat(problems.get(3).message()).startsWith("2027-03-01: a name");
  }

  @Test
  void theExceptionMessageNamesTheDays() {
    assertThatThrownBy(() -> HolidaySchedule.read(JSON.readTree("""
        {"year": 2027, "holidays": [{"date": "2027-01-02", "name": "元旦"}],
         "workdays": [{"date": "2027-01-02", "name": "调休"}]}"""), 2027, MON_FRI))
        .isInstanceOf(InvalidScheduleException.class).hasMessageContaining("2027-01-02 is both");
  }
}
