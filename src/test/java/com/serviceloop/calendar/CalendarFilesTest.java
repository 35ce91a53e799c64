package com.serviceloop.calendar;

import static com.serviceloop.calendar.WorkingTimeCalendar.TimeMode.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.ServiceLoopTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * calendar/holidays-YYYY.json in the models folder: imported as the year's newest version when it changed, not
 * again when unchanged (an API correction stays in force), and a broken file stops the start with its name.
 * The application's own folder has no file (no year confirmed beyond the library's), so a checkout in a
 * temporary folder plays the repository.
 */
@ServiceLoopTest
class CalendarFilesTest {

  @Autowired CalendarYearRepository years;
  @Autowired CalendarProperties properties;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingTimeCalendar calendar;
  @TempDir Path checkout;

  @AfterEach
  void clear() {
    jdbc.update("DELETE FROM sl_calendar_year");
  }

  CalendarFiles files() {
    return new CalendarFiles(years, properties, json, checkout.toUri().toString());
  }

  void write(String name, String content) throws Exception {
    Files.createDirectories(checkout.resolve("calendar"));
    Files.writeString(checkout.resolve("calendar").resolve(name), content);
  }

  static Instant at(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
  }

  @Test
  void theApplicationShipsNoScheduleBeyondTheLibrary() {
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_calendar_year WHERE origin = 'FILE'", Integer.class))
        .isZero();
    assertThat(calendar.hasHolidayScheduleFor(2027)).isFalse();
  }

  @Test
  void aChangedFileIsImportedOnce_andAnApiCorrectionStaysUntilTheFileChanges() throws Exception {
    String example = HolidayScheduleTest.example().toString();
    write("holidays-2027.json", example);
    assertThat(files().importFiles()).containsExactly("calendar/holidays-2027.json");
    assertThat(calendar.due(at("2026-12-31T17:00+08:00"), "PT2H", WORKING)).isEqualTo(at("2027-01-02T10:00+08:00"));
    CalendarYearRepository.StoredYear first = years.latest(2027).orElseThrow();
    assertThat(first.origin()).isEqualTo(CalendarYearRepository.Origin.FILE);
    assertThat(first.fileName()).isEqualTo("calendar/holidays-2027.json");
    assertThat(first.createdBy()).isEqualTo("deployment");

    assertThat(files().importFiles()).isEmpty();                     // unchanged: a restart imports nothing
    years.store(HolidaySchedule.read(json.readTree(example.replace("\"2027-01-02\"", "\"2027-01-03\"")), 2027,
        properties.workingDays()), CalendarYearRepository.Origin.API, null, "admin");
    assertThat(files().importFiles()).isEmpty();                     // the correction stays in force
    assertThat(years.latest(2027).orElseThrow().version()).isEqualTo(2);

    write("holidays-2027.json", example.replace("(example)", "(example, edited)"));
    assertThat(files().importFiles()).containsExactly("calendar/holidays-2027.json");
    assertThat(years.versions(2027)).extracting(CalendarYearRepository.StoredYear::version).containsExactly(3, 2, 1);
  }

  @Test
  void aFileThatIsNotARealSchedule_stopsTheStartWithItsNameAndTheDay() throws Exception {
    write("holidays-2027.json", """
        {"year": 2027, "holidays": [{"date": "2028-01-01", "name": "元旦"}]}""");
    assertThatThrownBy(() -> files().importFiles()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("calendar/holidays-2027.json").hasMessageContaining("2028-01-01 is not in 2027");
    write("holidays-2027.json", "{ not json");
    assertThatThrownBy(() -> files().importFiles()).hasMessageContaining("calendar/holidays-2027.json is not JSON");
    assertThat(years.versions(2027)).isEmpty();
  }

  @Test
  void otherFilesOfTheFolderAreNotSchedules() throws Exception {
    write("README.md", "# notes");
    write("holidays-2027.example.json", HolidayScheduleTest.example().toString());
    assertThat(files().importFiles()).isEqualTo(List.of());
  }
}
