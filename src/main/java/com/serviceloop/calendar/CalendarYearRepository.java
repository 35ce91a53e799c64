package com.serviceloop.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.serviceloop.common.TransactionScope;
import com.serviceloop.workorder.WorkOrderRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The operator's holiday schedules in {@code sl_calendar_year}: every upload (API) or import (a file of the
 * models folder) is a new version of its year, with who and when; the latest version of a year is the one in
 * force. {@link #current()} answers from memory and re-reads the table whenever its fingerprint (row count and
 * newest id) changed, checked once per transaction: a schedule stored on one node of a cluster counts on every
 * node from the next transaction on (the next deadline), without a restart. Within one transaction — an engine
 * command such as an intake or a task completion, which computes several deadlines — every deadline is computed
 * with the schedules as that transaction first saw them, one fingerprint query instead of one per deadline.
 */
@Repository
@RequiredArgsConstructor
public class CalendarYearRepository implements OperatorSchedules {

  /** How a version reached the table. */
  public enum Origin { API, FILE }

  /** A stored version of a year's schedule. */
  public record StoredYear(int year, int version, Origin origin, String fileName, String createdBy,
      Instant createdAt, HolidaySchedule schedule) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private volatile Cached cached = new Cached(-1, -1, Snapshot.EMPTY);

  private record Cached(long count, long maxId, Snapshot snapshot) {}

  /** The key of the snapshot bound to the current transaction. */
  private final Object transactionKey = new Object();

  /** Stores the schedule as the next version of its year. */
  public StoredYear store(HolidaySchedule schedule, Origin origin, String fileName, String createdBy) {
    // the transaction that stores a schedule computes its deadlines with it
    TransactionScope.forget(transactionKey);
    String text = write(schedule);
    Instant now = WorkOrderRepository.now();
    Integer latest = jdbc.queryForObject(
        "SELECT COALESCE(MAX(version), 0) FROM sl_calendar_year WHERE calendar_year = ?", Integer.class,
        schedule.year());
    int version = (latest == null ? 0 : latest) + 1;
    jdbc.update("""
        INSERT INTO sl_calendar_year (calendar_year, version, schedule, content_hash, origin, file_name,
          created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        schedule.year(), version, text, hash(text), origin.name(), fileName, createdBy,
        now.atOffset(ZoneOffset.UTC));
    return new StoredYear(schedule.year(), version, origin, fileName, createdBy, now, schedule);
  }

  /** Whether some version of the year has exactly this schedule (a file already imported). */
  public boolean hasVersionLike(HolidaySchedule schedule) {
    Integer count = jdbc.queryForObject(
        "SELECT COUNT(*) FROM sl_calendar_year WHERE calendar_year = ? AND content_hash = ?", Integer.class,
        schedule.year(), hash(write(schedule)));
    return count != null && count > 0;
  }

  /** The version in force for the year, if the operator gave one. */
  public Optional<StoredYear> latest(int year) {
    return jdbc.query("""
        SELECT * FROM sl_calendar_year WHERE calendar_year = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY""",
        this::map, year).stream().findFirst();
  }

  /** Every version of the year, newest first. */
  public List<StoredYear> versions(int year) {
    return jdbc.query("SELECT * FROM sl_calendar_year WHERE calendar_year = ? ORDER BY version DESC", this::map,
        year);
  }

  @Override
  public Snapshot current() {
    Snapshot snapshot = TransactionScope.get(transactionKey, this::checked);
    return snapshot != null ? snapshot : checked();
  }


  /** The schedules now: the fingerprint query, and the table read again when it changed. */
  private Snapshot checked() {
    Map<String, Object> fingerprint =
        jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS max_id FROM sl_calendar_year");
    long count = ((Number) fingerprint.get("n")).longValue();
    long maxId = ((Number) fingerprint.get("max_id")).longValue();
    Cached seen = cached;
    if (seen.count() == count && seen.maxId() == maxId) {
      return seen.snapshot();
    }
    Map<Integer, Map<LocalDate, Boolean>> years = new HashMap<>();
    jdbc.query("""
        SELECT c.* FROM sl_calendar_year c
        WHERE c.version = (SELECT MAX(v.version) FROM sl_calendar_year v WHERE v.calendar_year = c.calendar_year)""",
        this::map).forEach(stored -> years.put(stored.year(), stored.schedule().days()));
    Cached fresh = new Cached(count, maxId, new Snapshot(years));
    cached = fresh;
    return fresh.snapshot();
  }

  private StoredYear map(ResultSet rs, int row) throws SQLException {
    HolidaySchedule schedule;
    try {
      // stored versions were checked when they came in; read them without the weekday rule of today's settings
      schedule = HolidaySchedule.read(json.readTree(rs.getString("schedule")), rs.getInt("calendar_year"), Set.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sl_calendar_year id " + rs.getLong("id") + " is not JSON", e);
    }
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    return new StoredYear(rs.getInt("calendar_year"), rs.getInt("version"), Origin.valueOf(rs.getString("origin")),
        rs.getString("file_name"), rs.getString("created_by"), created == null ? null : created.toInstant(),
        schedule);
  }

  private String write(HolidaySchedule schedule) {
    try {
      return json.writeValueAsString(schedule.toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
