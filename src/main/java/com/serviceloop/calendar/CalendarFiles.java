package com.serviceloop.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.calendar.CalendarYearRepository.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The holiday schedules of the models folder: {@code calendar/holidays-YYYY.json} at the repository's top level,
 * packed into the application like processes/, dmn/ and forms/. At start-up each file whose content is not yet a
 * version of its year in {@code sl_calendar_year} becomes its newest version (created by "deployment"); an
 * unchanged file imports nothing, so a later correction through the API stays in force until the file changes.
 * A file that is not a valid schedule stops the start with its name and the problem, as a broken model does.
 */
@Component
public class CalendarFiles implements InitializingBean {

  static final String FOLDER = "calendar/";
  static final Pattern FILE_NAME = Pattern.compile(".*/?holidays-(\\d{4})\\.json");
  static final String CREATED_BY = "deployment";

  private static final Logger LOG = LoggerFactory.getLogger(CalendarFiles.class);

  private final CalendarYearRepository years;
  private final CalendarProperties properties;
  private final ObjectMapper json;
  private final String location;
  private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Autowired
  public CalendarFiles(CalendarYearRepository years, CalendarProperties properties, ObjectMapper json) {
    this(years, properties, json, "classpath*:");
  }

  /** Files under another location, e.g. "file:/path/to/checkout/" (tests). */
  public CalendarFiles(CalendarYearRepository years, CalendarProperties properties, ObjectMapper json,
      String location) {
    this.years = years;
    this.properties = properties;
    this.json = json;
    this.location = location;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    importFiles();
  }

  /** Imports the changed files; returns the names of those imported. */
  public List<String> importFiles() throws IOException {
    List<String> imported = new ArrayList<>();
    Resource[] found = resolver.getResources(location + FOLDER + "holidays-*.json");
    List<Resource> files = new ArrayList<>(List.of(found));
    files.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
    for (Resource file : files) {
      String name = FOLDER + file.getFilename();
      Matcher m = FILE_NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      int year = Integer.parseInt(m.group(1));
      HolidaySchedule schedule;
      try (InputStream in = file.getInputStream()) {
        JsonNode content = json.readTree(in);
        schedule = HolidaySchedule.read(content, year, properties.workingDays());
      } catch (HolidaySchedule.InvalidScheduleException e) {
        throw new IllegalStateException("Holiday schedule " + name + " is not valid (docs/calendar.md): "
            + e.getMessage(), e);
      } catch (IOException e) {
        throw new IllegalStateException("Holiday schedule " + name + " is not JSON (docs/calendar.md): "
            + e.getMessage(), e);
      }
      if (years.hasVersionLike(schedule)) {
        LOG.debug("Holiday schedule {}: unchanged, already stored", name);
        continue;
      }
      try {
        CalendarYearRepository.StoredYear stored = years.store(schedule, Origin.FILE, name, CREATED_BY);
        LOG.info("Holiday schedule {}: stored as version {} of {} ({} holidays, {} make-up working days)", name,
            stored.version(), year, schedule.holidays().size(), schedule.workdays().size());
        imported.add(name);
      } catch (DuplicateKeyException otherNode) {
        LOG.info("Holiday schedule {}: another node stored a version of {} at the same time", name, year);
      }
    }
    return imported;
  }
}
