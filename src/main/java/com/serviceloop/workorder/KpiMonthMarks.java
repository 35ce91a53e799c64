package com.serviceloop.workorder;

import static com.serviceloop.common.SqlTimestamps.ts;

import com.serviceloop.common.EngineClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the KPI month summary (sl_kpi_month, docs/kpi.md "The month summary") honest from the write side: a write to
 * a work order with a KPI milestone in a month that is already past (by the engine clock, Beijing months) or already
 * summarised records that month in sl_kpi_stale, in the write's own transaction, insert-only. The test is part of the
 * write's own UPDATE ({@link #guard}), so a write to an order of the current month costs no statement.
 */
@Component
public class KpiMonthMarks {

  /** Every column a KPI counts a period on (KpiFacts' milestones; KpiSummaryTest checks the two agree). */
  public static final List<String> MILESTONES = List.of("received_at", "closed_at", "first_closure_due",
      "first_surveyed_at", "completed_at", "first_contact_at", "first_contact_due", "regulator_reported_at",
      "regulator_reply_due");

  private static final String GUARD;

  static {
    StringBuilder past = new StringBuilder();
    StringBuilder summarised = new StringBuilder();
    for (String m : MILESTONES) {
      past.append(past.isEmpty() ? "" : " OR ").append("COALESCE(").append(m).append(" < ?, FALSE)");
      summarised.append(summarised.isEmpty() ? "" : " OR ").append("s.month_end > sl_work_order.").append(m);
    }
    GUARD = " AND NOT (" + past + ") AND NOT EXISTS (SELECT 1 FROM sl_kpi_month s WHERE " + summarised;
  }

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  public KpiMonthMarks(JdbcTemplate jdbc, @Value("${serviceloop.calendar.zone:Asia/Shanghai}") String zone) {
    this.jdbc = jdbc;
    this.zone = ZoneId.of(zone);
  }

  /** The start of the engine clock's month. */
  Instant currentMonthStart() {
    return YearMonth.from(EngineClock.now().atZone(zone)).atDay(1).atStartOfDay(zone).toInstant();
  }

  /**
   * The condition a write's UPDATE adds to its WHERE: no KPI milestone of the row before the current month's start,
   * none before the end of a summarised month, nor any of the new values (earliest: the earliest timestamp the write
   * sets, or null). When it fails the write takes {@link #markAndWrite}'s way. With its parameters appended to args.
   */
  String guard(List<Object> args, Instant earliest) {
    OffsetDateTime since = ts(currentMonthStart());
    MILESTONES.forEach(m -> args.add(since));
    if (earliest == null) {
      return GUARD + ")";
    }
    args.add(ts(earliest));
    return GUARD + " OR s.month_end > ?)";
  }

  /** The timestamps among a write's values. */
  static List<Instant> times(Collection<Object> values) {
    List<Instant> times = new ArrayList<>();
    for (Object v : values) {
      Instant t = v instanceof OffsetDateTime o ? o.toInstant() : v instanceof Instant i ? i : null;
      if (t != null) {
        times.add(t);
      }
    }
    return times;
  }

  /**
   * The write's other way: the months of the row's milestones (where) and of every timestamp the write sets that
   * are past or summarised are recorded stale. False when no row matches.
   */
  boolean mark(String where, Object key, List<Instant> newTimes) {
    List<java.util.Map<String, Object>> rows = jdbc.queryForList("SELECT " + String.join(", ", MILESTONES)
        + ", (SELECT MAX(s.month_end) FROM sl_kpi_month s) AS horizon FROM sl_work_order WHERE " + where, key);
    if (rows.isEmpty()) {
      return false;
    }
    Instant horizon = instant(rows.get(0).get("horizon"));
    Instant limit = currentMonthStart();
    if (horizon != null && horizon.isAfter(limit)) {
      limit = horizon;
    }
    List<Instant> values = new ArrayList<>();
    MILESTONES.forEach(m -> values.add(instant(rows.get(0).get(m))));
    values.addAll(newTimes);
    TreeSet<String> months = new TreeSet<>();
    for (Instant v : values) {
      if (v != null && v.isBefore(limit)) {
        months.add(YearMonth.from(v.atZone(zone)).toString());
      }
    }
    OffsetDateTime now = ts(EngineClock.now());
    if (!months.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO sl_kpi_stale (kpi_month, marked_at) VALUES (?, ?)",
          months.stream().map(m -> new Object[] {m, now}).toList());
    }
    return true;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
  }
}
