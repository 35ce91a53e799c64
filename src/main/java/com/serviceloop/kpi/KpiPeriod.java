package com.serviceloop.kpi;

import static com.serviceloop.api.QueryParameters.date;

import com.serviceloop.api.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period: the days [from, to) in the operator's time zone (Asia/Shanghai). The instants
 * bound the range predicates of the KPI queries; the months are those whose customer base counts.
 */
public record KpiPeriod(LocalDate from, LocalDate to, ZoneId zone) {

  public KpiPeriod {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  /** The period of the query parameters from and to (YYYY-MM-DD, to exclusive); null and errors when bad. */
  public static KpiPeriod parse(String from, String to, ZoneId zone, List<FieldError> errors) {
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (start != null && end != null && !start.isBefore(end)) {
      errors.add(new FieldError("to", "must be after from (to is exclusive)"));
      return null;
    }
    return start == null || end == null ? null : new KpiPeriod(start, end, zone);
  }

  public static KpiPeriod month(YearMonth month, ZoneId zone) {
    return new KpiPeriod(month.atDay(1), month.plusMonths(1).atDay(1), zone);
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  public Instant end() {
    return to.atStartOfDay(zone).toInstant();
  }

  public YearMonth firstMonth() {
    return YearMonth.from(from);
  }

  /** The month of the period's last day. */
  public YearMonth lastMonth() {
    return YearMonth.from(to.minusDays(1));
  }

  /** The period cut at month boundaries: one part per calendar month it touches. */
  public List<KpiPeriod> byMonth() {
    List<KpiPeriod> parts = new ArrayList<>();
    for (YearMonth m = firstMonth(); !m.isAfter(lastMonth()); m = m.plusMonths(1)) {
      LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
      LocalDate end = m.plusMonths(1).atDay(1).isAfter(to) ? to : m.plusMonths(1).atDay(1);
      parts.add(new KpiPeriod(start, end, zone));
    }
    return parts;
  }
}
