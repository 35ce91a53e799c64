package com.serviceloop.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which work orders (sl_work_order w) each KPI counts in a period, and what each adds to the
 * numerator: the denominator is COUNT(*) of the facts, the numerator SUM(numerator). Plain SQL that
 * H2 and PostgreSQL both run; the bounds are instants computed by Java in the operator's zone.
 */
final class KpiFacts {

  /** WHERE condition and numerator expression over alias w, with their parameters in order. */
  record Sql(String where, List<Object> whereParams, String numerator, List<Object> numeratorParams) {}

  /** A previous complaint of the same phone in the 30 days before this one (重复投诉). */
  static final String REPEAT_COMPLAINT = """
      EXISTS (SELECT 1 FROM sl_work_order p
              WHERE p.order_type = 'COMPLAINT' AND p.customer_phone = w.customer_phone
                AND p.received_at < w.received_at AND p.received_at >= w.received_at - INTERVAL '30' DAY)""";

  private KpiFacts() {}

  static Sql of(Kpi kpi, Instant from, Instant to, Instant now, List<KpiWeight> satisfactionWeights) {
    Object f = ts(from);
    Object t = ts(to);
    return switch (kpi) {
      case firstContactInTime -> new Sql("""
          ((w.first_contact_at >= ? AND w.first_contact_at < ?)
           OR (w.first_contact_due >= ? AND w.first_contact_due < ? AND w.first_contact_due < ?
               AND (w.first_contact_at IS NULL OR w.first_contact_at >= ?)))""",
          List.of(f, t, f, t, ts(now), t),
          flag("w.first_contact_at >= ? AND w.first_contact_at < ? AND w.first_contact_on_time = TRUE"),
          List.of(f, t));
      case repeatComplaintRate -> new Sql(
          "w.order_type = 'COMPLAINT' AND w.received_at >= ? AND w.received_at < ?", List.of(f, t),
          flag(REPEAT_COMPLAINT), List.of());
      default -> {
        Counted c = counted(kpi, satisfactionWeights);
        yield new Sql((c.filter() == null ? "" : c.filter() + " AND ") + c.column() + " >= ? AND " + c.column() + " < ?",
            List.of(f, t), c.numerator(), c.numeratorParams());
      }
    };
  }

  /**
   * A KPI that counts the orders whose milestone column falls in the period: the orders it looks at
   * (filter, or null), the milestone, what each adds to the numerator. Every KPI but firstContactInTime
   * (two milestones) and repeatComplaintRate (a look-back).
   */
  record Counted(String filter, String column, String numerator, List<Object> numeratorParams) {}

  static Counted counted(Kpi kpi, List<KpiWeight> satisfactionWeights) {
    return switch (kpi) {
      case complaintsPer10k -> new Counted("w.order_type = 'COMPLAINT' AND w.category = 'BROADBAND'", "w.received_at",
          "1", List.of());
      case timelyHandlingRate -> new Counted(null, "w.closed_at", flag("w.closure_on_time = TRUE"), List.of());
      case satisfactionRate -> satisfaction(satisfactionWeights);
      case onSiteAppointmentRate -> new Counted("w.order_type = 'FAULT_REPAIR'", "w.received_at",
          flag("w.on_site_appointment = TRUE"), List.of());
      case installationTimeliness -> new Counted("w.order_type = 'INSTALLATION'", "w.completed_at",
          flag("w.completion_on_time = TRUE"), List.of());
      case escalationRate -> new Counted(null, "w.received_at", flag("w.escalation_level > 0"), List.of());
      case reprocessingRate -> new Counted(null, "w.closed_at", flag("w.rounds > 1"), List.of());
      case remediesDue -> new Counted("(w.compensation_amount > 0 OR w.remedy_amount > 0)", "w.closed_at",
          "COALESCE(w.compensation_amount, 0) + COALESCE(w.remedy_amount, 0)", List.of());
      case firstContactInTime, repeatComplaintRate -> throw new IllegalArgumentException(kpi + " has its own SQL");
    };
  }

  /**
   * The KPIs of consecutive periods in ONE statement (the monthly trend): bucket i is [bounds[i],
   * bounds[i+1]). Each KPI is one index range over the whole span, its rows put into buckets by a CASE on
   * the milestone; the branches are a UNION ALL of (kpi, bucket, numerator) rows, summed and counted per
   * kpi and bucket — the same definitions as {@link #of}, so each bucket gives what a report of that period
   * gives. The repeat-complaint look-back is a window over the complaints of the same phone instead of one
   * EXISTS probe per complaint: the 30 days before, without the complaints received at the same instant
   * (EXCLUDE GROUP), which is the EXISTS condition (earlier &gt;= received − 30 days and &lt; received).
   * Customer base rows are bucketed by their month (baseMonths[i]) under the key {@link #CUSTOMER_BASE}.
   * Columns: kpi, bucket, num, den.
   */
  static Sql buckets(List<Instant> bounds, List<String> baseMonths, String region, Instant now,
      List<KpiWeight> satisfactionWeights) {
    Object start = ts(bounds.get(0));
    Object end = ts(bounds.get(bounds.size() - 1));
    String regionFilter = region == null ? "" : " AND w.region = ?";
    List<String> branches = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (Kpi kpi : Kpi.values()) {
      if (kpi == Kpi.firstContactInTime || kpi == Kpi.repeatComplaintRate) {
        continue;
      }
      Counted c = counted(kpi, satisfactionWeights);
      branches.add("SELECT '" + kpi.id() + "' AS kpi, " + bucket(c.column(), bounds, params) + " AS bucket, "
          + decimal(c.numerator()) + " AS num FROM sl_work_order w WHERE "
          + (c.filter() == null ? "" : c.filter() + " AND ") + c.column() + " >= ? AND " + c.column() + " < ?"
          + regionFilter);
      params.addAll(c.numeratorParams());
      params.add(start);
      params.add(end);
      addRegion(params, region);
    }
    // firstContactInTime: contacted in the bucket (numerator: on time) ...
    branches.add("SELECT '" + Kpi.firstContactInTime.id() + "', " + bucket("w.first_contact_at", bounds, params) + ", "
        + decimal(flag("w.first_contact_on_time = TRUE")) + " FROM sl_work_order w"
        + " WHERE w.first_contact_at >= ? AND w.first_contact_at < ?" + regionFilter);
    params.add(start);
    params.add(end);
    addRegion(params, region);
    // ... or its deadline passed in the bucket (and before now), not contacted by the bucket's end
    String dueBucket = bucket("w.first_contact_due", bounds, params);
    params.add(start);
    params.add(end);
    params.add(ts(now));
    String dueBucketEnd = bucketEnd("w.first_contact_due", bounds, params);
    addRegion(params, region);
    branches.add("SELECT '" + Kpi.firstContactInTime.id() + "', " + dueBucket + ", " + decimal("0")
        + " FROM sl_work_order w WHERE w.first_contact_due >= ? AND w.first_contact_due < ?"
        + " AND w.first_contact_due < ? AND (w.first_contact_at IS NULL OR w.first_contact_at >= " + dueBucketEnd + ")"
        + regionFilter);
    // repeatComplaintRate: the look-back needs the complaints of the 30 days before the span too (of every region)
    branches.add("SELECT '" + Kpi.repeatComplaintRate.id() + "', " + bucket("r.received_at", bounds, params) + ", "
        + decimal(flag("r.earlier > 0")) + " FROM (SELECT w.received_at, w.region, COUNT(*) OVER ("
        + "PARTITION BY w.customer_phone ORDER BY w.received_at"
        + " RANGE BETWEEN INTERVAL '30' DAY PRECEDING AND CURRENT ROW EXCLUDE GROUP) AS earlier"
        + " FROM sl_work_order w WHERE w.order_type = 'COMPLAINT' AND w.received_at >= ? AND w.received_at < ?) r"
        + " WHERE r.received_at >= ? AND r.received_at < ?" + (region == null ? "" : " AND r.region = ?"));
    params.add(ts(bounds.get(0).minus(LOOK_BACK_MARGIN)));
    params.add(end);
    params.add(start);
    params.add(end);
    addRegion(params, region);
    // the customer base of each bucket's month
    StringBuilder month = new StringBuilder("CASE");
    for (int i = 0; i < baseMonths.size(); i++) {
      month.append(" WHEN b.base_month = ? THEN ").append(i);
      params.add(baseMonths.get(i));
    }
    branches.add("SELECT '" + CUSTOMER_BASE + "', " + month + " END, CAST(b.broadband_customers AS DECIMAL(18, 4))"
        + " FROM sl_customer_base b WHERE b.base_month >= ? AND b.base_month <= ?"
        + (region == null ? "" : " AND b.region = ?"));
    params.add(baseMonths.get(0));
    params.add(baseMonths.get(baseMonths.size() - 1));
    addRegion(params, region);
    return new Sql("SELECT x.kpi, x.bucket, SUM(x.num), COUNT(*) FROM (" + String.join(" UNION ALL ", branches)
        + ") x GROUP BY x.kpi, x.bucket", params, null, List.of());
  }

  /** The key of the customer base rows in {@link #buckets}. */
  static final String CUSTOMER_BASE = "customerBase";

  /** More than the 30-day look-back (whatever the session's zone makes of INTERVAL '30' DAY). */
  private static final java.time.Duration LOOK_BACK_MARGIN = java.time.Duration.ofDays(32);

  /** The bucket index of a value known to lie in [bounds[0], bounds[last]). */
  private static String bucket(String column, List<Instant> bounds, List<Object> params) {
    if (bounds.size() == 2) {
      return "0";
    }
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 1; i < bounds.size() - 1; i++) {
      sql.append(" WHEN ").append(column).append(" < ? THEN ").append(i - 1);
      params.add(ts(bounds.get(i)));
    }
    return sql.append(" ELSE ").append(bounds.size() - 2).append(" END").toString();
  }

  /** The end of the bucket of a value known to lie in [bounds[0], bounds[last]). */
  private static String bucketEnd(String column, List<Instant> bounds, List<Object> params) {
    if (bounds.size() == 2) {
      params.add(ts(bounds.get(1)));
      return "?";
    }
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 1; i < bounds.size() - 1; i++) {
      sql.append(" WHEN ").append(column).append(" < ? THEN ?");
      params.add(ts(bounds.get(i)));
      params.add(ts(bounds.get(i)));
    }
    params.add(ts(bounds.get(bounds.size() - 1)));
    return sql.append(" ELSE ? END").toString();
  }

  private static String decimal(String expression) {
    return "CAST(" + expression + " AS DECIMAL(18, 4))";
  }

  private static void addRegion(List<Object> params, String region) {
    if (region != null) {
      params.add(region);
    }
  }

  /** Surveyed = reached on the return visit; numerator = the weighted unsatisfied ones. */
  private static Counted satisfaction(List<KpiWeight> weights) {
    StringBuilder weight = new StringBuilder("CASE");
    List<Object> params = new ArrayList<>();
    for (KpiWeight w : weights) {
      weight.append(" WHEN w.order_type = ?");
      params.add(w.orderType());
      if (w.category() != null) {
        weight.append(" AND w.category = ?");
        params.add(w.category());
      }
      weight.append(" THEN CAST(? AS DECIMAL(9, 4))");
      params.add(w.weight());
    }
    weight.append(" ELSE 1 END");
    String numerator = weights.isEmpty()
        ? flag("w.satisfaction = 'UNSATISFIED'")
        : "CASE WHEN w.satisfaction = 'UNSATISFIED' THEN " + weight + " ELSE 0 END";
    return new Counted("w.satisfaction IN ('SATISFIED', 'UNSATISFIED')", "w.surveyed_at", numerator, params);
  }

  private static String flag(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }

  static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
