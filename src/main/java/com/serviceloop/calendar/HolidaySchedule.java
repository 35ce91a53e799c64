package com.serviceloop.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.api.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One year of the operator's holiday schedule, as the State Council's notice gives it: the public holidays
 * (休) and the make-up working days (调休, 班), each a date with a name. The same JSON in a file of the
 * models folder ({@code calendar/holidays-2027.json}) and in {@code PUT /api/calendar/years/2027}:
 *
 * <pre>{"year": 2027, "source": "国办发明电〔…〕…号",
 *  "holidays": [{"date": "2027-01-01", "name": "元旦"}],
 *  "workdays": [{"date": "2027-02-06", "name": "春节调休"}]}</pre>
 *
 * <p>{@link #read} accepts only a real schedule: every date in that year, at least one holiday, no date
 * twice, no day both a holiday and a make-up day, make-up days only on a non-working weekday (a weekend).
 */
public record HolidaySchedule(int year, String source, List<Day> holidays, List<Day> workdays) {

  /** A named day of the schedule. */
  public record Day(LocalDate date, String name) {}

  static final int MAX_NAME = 64;
  static final int MAX_SOURCE = 255;
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2100;
  private static final Set<String> FIELDS = Set.of("year", "source", "holidays", "workdays");

  /** The schedule's days: true = worked (a make-up day), false = a holiday. */
  public Map<LocalDate, Boolean> days() {
    Map<LocalDate, Boolean> days = new HashMap<>();
    holidays.forEach(d -> days.put(d.date(), false));
    workdays.forEach(d -> days.put(d.date(), true));
    return Map.copyOf(days);
  }

  /** The JSON form (dates ascending), as stored and as GET answers it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("year", year);
    if (source != null) {
      json.put("source", source);
    }
    json.put("holidays", holidays.stream().map(HolidaySchedule::day).toList());
    json.put("workdays", workdays.stream().map(HolidaySchedule::day).toList());
    return json;
  }

  private static Map<String, Object> day(Day d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("date", d.date().toString());
    json.put("name", d.name());
    return json;
  }

  /** The schedule is not a real one; every problem names the field and the day. */
  public static class InvalidScheduleException extends IllegalArgumentException {
    private final List<FieldError> errors;

    InvalidScheduleException(String message, List<FieldError> errors) {
      super(message + ": " + errors.stream().map(e -> e.field() + " " + e.message()).toList());
      this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
      return errors;
    }
  }

  /**
   * Reads and checks a schedule.
   *
   * @param json the schedule as JSON
   * @param expectedYear the year it must be for (the path's year, the file name's year), or null
   * @param workingDays the calendar's working weekdays: a make-up day must fall on another weekday
   * @throws InvalidScheduleException listing every problem, each naming the day
   */
  public static HolidaySchedule read(JsonNode json, Integer expectedYear, Set<DayOfWeek> workingDays) {
    List<FieldError> errors = new ArrayList<>();
    if (json == null || !json.isObject()) {
      throw new InvalidScheduleException("Not a holiday schedule",
          List.of(new FieldError("body", "expected a JSON object with year, holidays and workdays")));
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(name, "unknown field (expected year, source, holidays, workdays)"));
      }
    }
    Integer year = null;
    JsonNode yearNode = json.get("year");
    if (yearNode == null || yearNode.isNull()) {
      year = expectedYear;
    } else if (!yearNode.isIntegralNumber() || yearNode.asInt() < MIN_YEAR || yearNode.asInt() > MAX_YEAR) {
      errors.add(new FieldError("year", "a year between " + MIN_YEAR + " and " + MAX_YEAR + ", not " + yearNode));
    } else {
      year = yearNode.asInt();
      if (expectedYear != null && year.intValue() != expectedYear.intValue()) {
        errors.add(new FieldError("year", year + " is not " + expectedYear + ", the year it is stored for"));
        year = null;
      }
    }
    if (year == null && errors.isEmpty()) {
      errors.add(new FieldError("year", "required"));
    }
    String source = null;
    JsonNode sourceNode = json.get("source");
    if (sourceNode != null && !sourceNode.isNull()) {
      if (!sourceNode.isTextual() || sourceNode.asText().length() > MAX_SOURCE) {
        errors.add(new FieldError("source", "a text of at most " + MAX_SOURCE + " characters (the notice)"));
      } else if (!sourceNode.asText().isBlank()) {
        source = sourceNode.asText().strip();
      }
    }
    List<Day> holidays = days(json, "holidays", year, errors);
    List<Day> workdays = days(json, "workdays", year, errors);
    if (json.has("holidays") && json.get("holidays").isArray() && json.get("holidays").isEmpty()) {
      errors.add(new FieldError("holidays", "empty: a year's schedule has holidays"));
    }
    Set<LocalDate> holidayDates = new HashSet<>();
    holidays.forEach(d -> holidayDates.add(d.date()));
    for (int i = 0; i < workdays.size(); i++) {
      LocalDate date = workdays.get(i).date();
      if (holidayDates.contains(date)) {
        errors.add(new FieldError("workdays[" + i + "]",
            date + " is both a holiday and a make-up working day"));
      } else if (workingDays.contains(date.getDayOfWeek())) {
        errors.add(new FieldError("workdays[" + i + "]", date + " is a "
            + date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
            + ", a working day anyway: a make-up working day (调休) falls on a weekend"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidScheduleException("Not a valid holiday schedule", errors);
    }
    Comparator<Day> byDate = Comparator.comparing(Day::date);
    return new HolidaySchedule(year, source, holidays.stream().sorted(byDate).toList(),
        workdays.stream().sorted(byDate).toList());
  }

  private static List<Day> days(JsonNode json, String field, Integer year, List<FieldError> errors) {
    JsonNode list = json.get(field);
    if (list == null || list.isNull()) {
      if ("holidays".equals(field)) {
        errors.add(new FieldError(field, "required: the year's holidays, [{\"date\": \"YYYY-MM-DD\", \"name\": …}]"));
      }
      return List.of();
    }
    if (!list.isArray()) {
      errors.add(new FieldError(field, "a list of {\"date\": \"YYYY-MM-DD\", \"name\": …}"));
      return List.of();
    }
    List<Day> days = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String at = field + "[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        errors.add(new FieldError(at, "expected {\"date\": \"YYYY-MM-DD\", \"name\": …}"));
        continue;
      }
      JsonNode dateNode = entry.get("date");
      LocalDate date = null;
      if (dateNode == null || !dateNode.isTextual() || !dateNode.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
        errors.add(new FieldError(at + ".date", "a date YYYY-MM-DD, not " + dateNode));
      } else {
        try {
          date = LocalDate.parse(dateNode.asText());
        } catch (DateTimeParseException e) {
          errors.add(new FieldError(at + ".date", dateNode.asText() + " is not a day of the calendar"));
        }
      }
      JsonNode nameNode = entry.get("name");
      String name = nameNode != null && nameNode.isTextual() ? nameNode.asText().strip() : "";
      if (name.isEmpty() || name.length() > MAX_NAME) {
        errors.add(new FieldError(at + ".name", (date != null ? date + ": " : "")
            + "a name of 1 to " + MAX_NAME + " characters (元旦, 春节调休, …)"));
      }
      if (date == null) {
        continue;
      }
      if (year != null && date.getYear() != year) {
        errors.add(new FieldError(at + ".date", date + " is not in " + year));
        continue;
      }
      Integer earlier = seen.putIfAbsent(date, i);
      if (earlier != null) {
        errors.add(new FieldError(at + ".date", date + " is listed twice (also " + field + "[" + earlier + "])"));
        continue;
      }
      days.add(new Day(date, name));
    }
    return days;
  }
}
