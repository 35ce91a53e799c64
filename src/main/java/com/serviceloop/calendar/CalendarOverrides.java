package com.serviceloop.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the calendar's override file: one day per line, {@code 2027-01-01,HOLIDAY} or
 * {@code 2027-02-07,WORKDAY}, an optional third column as a note, {@code #} starts a comment, blank lines
 * are ignored. A malformed line stops the application with the file name and line number.
 */
final class CalendarOverrides {

  static final String CLASSPATH_PREFIX = "classpath:";

  private CalendarOverrides() {}

  /** The days of the file at {@code location} (file path or {@code classpath:...}): true = working day. */
  static Map<LocalDate, Boolean> load(String location) {
    if (location == null || location.isBlank()) {
      return Map.of();
    }
    try (Reader reader = open(location.trim())) {
      return parse(reader, location);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the calendar override file " + location + " (serviceloop.calendar.override-file)", e);
    }
  }

  private static Reader open(String location) throws IOException {
    if (location.startsWith(CLASSPATH_PREFIX)) {
      String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
      InputStream in = Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)
          : CalendarOverrides.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new NoSuchFileException(location);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
    return Files.newBufferedReader(Path.of(location), StandardCharsets.UTF_8);
  }

  static Map<LocalDate, Boolean> parse(Reader reader, String source) throws IOException {
    Map<LocalDate, Boolean> days = new HashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (number == 1 && content.startsWith("\uFEFF")) {
        content = content.substring(1).strip();
      }
      if (content.isEmpty()) {
        continue;
      }
      String[] columns = content.split(",", -1);
      if (columns.length < 2 || columns.length > 3) {
        throw malformed(source, number, line, "expected DATE,HOLIDAY or DATE,WORKDAY");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(columns[0].strip());
      } catch (DateTimeParseException e) {
        throw malformed(source, number, line, "the date must be ISO yyyy-MM-dd");
      }
      boolean working =
          switch (columns[1].strip().toUpperCase(Locale.ROOT)) {
            case "HOLIDAY" -> false;
            case "WORKDAY" -> true;
            default -> throw malformed(source, number, line, "the kind must be HOLIDAY or WORKDAY");
          };
      Boolean earlier = days.putIfAbsent(date, working);
      if (earlier != null && earlier != working) {
        throw malformed(source, number, line, date + " is listed both as HOLIDAY and as WORKDAY");
      }
    }
    return Collections.unmodifiableMap(days);
  }

  private static IllegalArgumentException malformed(String source, int number, String line, String why) {
    return new IllegalArgumentException(
        "Calendar override file " + source + ", line " + number + " \"" + line.strip() + "\": " + why);
  }
}
