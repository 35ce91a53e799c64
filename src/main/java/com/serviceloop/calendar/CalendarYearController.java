package com.serviceloop.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.api.ConflictException;
import com.serviceloop.api.FieldError;
import com.serviceloop.api.InvalidInputException;
import com.serviceloop.api.NotFoundException;
import com.serviceloop.calendar.CalendarYearRepository.Origin;
import com.serviceloop.calendar.CalendarYearRepository.StoredYear;
import com.serviceloop.calendar.WorkingTimeCalendar.ScheduleSource;
import com.serviceloop.security.ApiCaller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's holiday schedule per year, for administrators (camunda-admin) only; others 403.
 * {@code PUT /api/calendar/years/{year}} stores a checked schedule as the year's next version (201 the first,
 * 200 a later one), in force at once for new deadlines on every node; a schedule that is not a real one is a
 * 400 naming the day, and nothing is stored. {@code GET} answers the schedule in force (the operator's, or
 * the library's) with its versions, 404 when the year has none.
 */
@RestController
@RequiredArgsConstructor
public class CalendarYearController {

  private final CalendarYearRepository years;
  private final WorkingTimeCalendar calendar;
  private final ApiCaller caller;

  @PutMapping("/api/calendar/years/{year}")
  public ResponseEntity<Map<String, Object>> put(@PathVariable String year,
      @RequestBody(required = false) JsonNode body) {
    caller.requireAdministrator("change the holiday schedule");
    int forYear = year(year);
    HolidaySchedule schedule;
    try {
      schedule = HolidaySchedule.read(body, forYear, calendar.properties().workingDays());
    } catch (HolidaySchedule.InvalidScheduleException e) {
      throw new InvalidInputException("Not a valid holiday schedule for " + forYear, e.errors());
    }
    StoredYear stored;
    try {
      stored = years.store(schedule, Origin.API, null, caller.userId());
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Another version of " + forYear + " was stored at the same moment; "
          + "read it (GET /api/calendar/years/" + forYear + ") and try again");
    }
    return ResponseEntity.status(stored.version() == 1 ? HttpStatus.CREATED : HttpStatus.OK)
        .body(view(stored, years.versions(forYear)));
  }

  @GetMapping("/api/calendar/years/{year}")
  public Map<String, Object> get(@PathVariable String year) {
    caller.requireAdministrator("read the holiday schedule");
    int forYear = year(year);
    ScheduleSource source = calendar.scheduleSourceOf(forYear);
    if (source == ScheduleSource.OPERATOR) {
      StoredYear latest = years.latest(forYear).orElseThrow();
      return view(latest, years.versions(forYear));
    }
    if (source == ScheduleSource.LIBRARY) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("year", forYear);
      view.put("inForce", source.name());
      view.put("schedule", calendar.librarySchedule(forYear).orElseThrow().toJson());
      return view;
    }
    throw new NotFoundException("No holiday schedule for " + forYear
        + (source == ScheduleSource.OVERRIDE_FILE ? " (only lines of the override file)" : "")
        + ": add calendar/holidays-" + forYear + ".json to the models or PUT /api/calendar/years/" + forYear
        + " (docs/calendar.md)");
  }

  private Map<String, Object> view(StoredYear stored, List<StoredYear> versions) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("year", stored.year());
    view.put("inForce", ScheduleSource.OPERATOR.name());
    view.putAll(version(stored));
    view.put("schedule", stored.schedule().toJson());
    view.put("versions", versions.stream().map(this::version).toList());
    return view;
  }

  private Map<String, Object> version(StoredYear stored) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("version", stored.version());
    version.put("origin", stored.origin().name());
    if (stored.fileName() != null) {
      version.put("fileName", stored.fileName());
    }
    version.put("createdBy", stored.createdBy());
    version.put("createdAt", stored.createdAt() == null ? null
        : stored.createdAt().atZone(calendar.zone()).toOffsetDateTime().toString());
    return version;
  }

  private static int year(String text) {
    if (text == null || !text.matches("\\d{4}") || Integer.parseInt(text) < HolidaySchedule.MIN_YEAR
        || Integer.parseInt(text) > HolidaySchedule.MAX_YEAR) {
      throw new InvalidInputException("Invalid input", List.of(new FieldError("year",
          "a year between " + HolidaySchedule.MIN_YEAR + " and " + HolidaySchedule.MAX_YEAR + ", not '" + text + "'")));
    }
    return Integer.parseInt(text);
  }
}
