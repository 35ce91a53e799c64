package com.serviceloop.kpi;

import static com.serviceloop.common.SqlTimestamps.ts;

import java.time.Instant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * An order that was handled (工单处理): not an installation refused for no coverage or no free port —
   * the seed's 400 flow records that demand for network planning and never enters it as an order to install.
   */
  static final String HANDLED = "(w.coverage_result IS NULL OR w.coverage_result NOT IN ('NOT_COVERED', 'NO_FREE_PORT'))";

  /**
   * Timely handling judges a closed order at its closure unless it missed its first-round deadline and was
   * closed after it: then it was judged (a miss) when that deadline passed ({@link #MISSED_AT_DEADLINE}).
   */
  static final String JUDGED_AT_CLOSURE =
      "(w.first_closure_on_time = TRUE OR w.first_closure_due IS NULL OR w.closed_at <= w.first_closure_due)";

  /** The first-round deadline passed with the order open or its first round late: a miss at the deadline. */
  static final String MISSED_AT_DEADLINE = "(w.closed_at IS NULL OR w.closed_at > w.first_closure_due)"
      + " AND (w.first_closure_on_time IS NULL OR w.first_closure_on_time = FALSE)";

  private KpiFacts() {}

  static Sql of(Kpi kpi, Instant from, Instant to, Instant now, List<KpiWeight> satisfactionWeights,
      int dayOffsetSeconds) {
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
      case timelyHandlingRate -> new Sql(HANDLED
          + " AND ((w.closed_at >= ? AND w.closed_at < ? AND " + JUDGED_AT_CLOSURE + ")"
          + " OR (w.first_closure_due >= ? AND w.first_closure_due < ? AND w.first_closure_due < ? AND "
          + MISSED_AT_DEADLINE + "))",
          List.of(f, t, f, t, ts(now)), flag("w.first_closure_on_time = TRUE"), List.of());
      case repeatComplaintRate -> new Sql(
          "w.order_type = 'COMPLAINT' AND w.received_at >= ? AND w.received_at < ?", List.of(f, t),
          flag(REPEAT_COMPLAINT), List.of());
      default -> {
        Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
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

  static Counted counted(Kpi kpi, List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    return switch (kpi) {
      case complaintsPer10k -> new Counted("w.order_type = 'COMPLAINT' AND w.category = 'BROADBAND'", "w.received_at",
          "1", List.of());
      // the part judged at closure; the misses judged at their deadline are of()'s second part, the trend's
      // TIMELY_MISSED branch
      case timelyHandlingRate -> new Counted(HANDLED + " AND " + JUDGED_AT_CLOSURE, "w.closed_at",
          flag("w.first_closure_on_time = TRUE"), List.of());
      case satisfactionRate -> satisfaction(satisfactionWeights);
      case onSiteAppointmentRate -> new Counted("w.order_type = 'FAULT_REPAIR'", "w.received_at",
          flag("w.on_site_appointment = TRUE"), List.of());
      case installationTimeliness -> new Counted("w.order_type = 'INSTALLATION'", "w.completed_at",
          flag("w.completion_on_time = TRUE"), List.of());
      case escalationRate -> new Counted(null, "w.received_at", flag("w.escalation_level > 0"), List.of());
      // 每诉必录: the work order created (created_at) on the operator's day the complaint was received
      case sameDayRecordingRate -> new Counted("w.order_type = 'COMPLAINT'", "w.received_at",
          flag(day("w.created_at", dayOffsetSeconds) + " = " + day("w.received_at", dayOffsetSeconds)), List.of());
      case reprocessingRate -> new Counted(null, "w.closed_at", flag("w.rounds > 1"), List.of());
      case remediesDue -> new Counted("(w.compensation_amount > 0 OR w.remedy_amount > 0)", "w.closed_at",
          "COALESCE(w.compensation_amount, 0) + COALESCE(w.remedy_amount, 0)", List.of());
      case firstContactInTime, repeatComplaintRate -> throw new IllegalArgumentException(kpi + " has its own SQL");
    };
  }

  /**
   * The KPIs of consecutive periods in ONE statement (the monthly trend): bucket i is [bounds[i],
   * bounds[i+1]). One branch per milestone column, not per KPI: each branch is one index range (or scan)
   * over the whole span, its rows put into buckets by a CASE on the milestone, and for each KPI counted on
   * that milestone a pair of columns SUM(numerator where the KPI's filter holds), COUNT(where it holds) —
   * the same definitions ({@link #counted}) as the reports, so each bucket gives what a report of that
   * period gives. firstContactInTime is two branches (contacted in the bucket; deadline passed in it with
   * no contact by its end); the repeat-complaint numerator is the same EXISTS as the report's, in the
   * WHERE clause so that PostgreSQL can run it as a hash semi join over the span instead of one index
   * probe per complaint. The customer base is summed per bucket month. Columns: branch key, bucket,
   * then {@link #TREND_PAIRS} (numerator, denominator) pairs in the order of {@link #trendBranches}.
   */
  static Sql buckets(List<Instant> bounds, List<String> baseMonths, String region, Instant now,
      List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    Object start = ts(bounds.get(0));
    Object end = ts(bounds.get(bounds.size() - 1));
    String regionFilter = region == null ? "" : " AND w.region = ?";
    List<String> branches = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (Map.Entry<String, List<Counted>> branch : trendBranches(satisfactionWeights, dayOffsetSeconds).entrySet()) {
      String key = branch.getKey();
      StringBuilder select = new StringBuilder("SELECT '").append(key).append("' AS branch, b.bucket");
      StringBuilder inner = new StringBuilder();
      List<Object> innerParams = new ArrayList<>();
      String column;
      String where;
      List<Object> whereParams = new ArrayList<>();
      if (key.equals(FIRST_CONTACT_MISSED)) {
        column = "w.first_contact_due";
        inner.append(bucket(column, bounds, innerParams));
        where = "w.first_contact_due >= ? AND w.first_contact_due < ? AND w.first_contact_due < ?"
            + " AND (w.first_contact_at IS NULL OR w.first_contact_at >= " + bucketEnd(column, bounds,
            whereParams(whereParams, start, end, ts(now))) + ")";
      } else if (key.equals(TIMELY_MISSED)) {
        column = "w.first_closure_due";
        inner.append(bucket(column, bounds, innerParams));
        where = "w.first_closure_due >= ? AND w.first_closure_due < ? AND w.first_closure_due < ? AND " + HANDLED
            + " AND " + MISSED_AT_DEADLINE;
        whereParams(whereParams, start, end, ts(now));
      } else if (key.equals(REPEATS)) {
        column = "w.received_at";
        inner.append(bucket(column, bounds, innerParams));
        where = "w.order_type = 'COMPLAINT' AND w.received_at >= ? AND w.received_at < ? AND " + REPEAT_COMPLAINT
            .replace("WHERE p.order_type", "WHERE p.received_at >= ? AND p.received_at < ? AND p.order_type");
        whereParams(whereParams, start, end, ts(bounds.get(0).minus(LOOK_BACK_MARGIN)), end);
      } else {
        column = key;
        inner.append(bucket(column, bounds, innerParams));
        where = column + " >= ? AND " + column + " < ?";
        whereParams(whereParams, start, end);
      }
      inner.insert(0, "SELECT ").append(" AS bucket");
      int pair = 0;
      for (Counted c : branch.getValue()) {
        String holds = c.filter() == null ? "1 = 1" : c.filter();
        inner.append(", CASE WHEN ").append(holds).append(" THEN ").append(decimal(c.numerator()))
            .append(" END AS n").append(pair).append(", CASE WHEN ").append(holds).append(" THEN 1 ELSE 0 END AS d")
            .append(pair);
        innerParams.addAll(c.numeratorParams());
        select.append(", SUM(b.n").append(pair).append("), SUM(b.d").append(pair).append(")");
        pair++;
      }
      for (; pair < TREND_PAIRS; pair++) {
        select.append(", CAST(NULL AS DECIMAL(18, 4)), CAST(NULL AS DECIMAL(18, 4))");
      }
      inner.append(" FROM sl_work_order w WHERE ").append(where).append(regionFilter);
      params.addAll(innerParams);
      params.addAll(whereParams);
      addRegion(params, region);
      branches.add(select + " FROM (" + inner + ") b GROUP BY b.bucket");
    }
    // the customer base of each bucket's month, per region, and the regions with broadband complaints in each
    // bucket: a month whose base misses one of them (or has none) has no denominator (CUSTOMER_BASE, COMPLAINT_REGION)
    StringBuilder month = new StringBuilder("CASE");
    for (int i = 0; i < baseMonths.size(); i++) {
      month.append(" WHEN b.base_month = ? THEN ").append(i);
      params.add(baseMonths.get(i));
    }
    StringBuilder nulls = new StringBuilder(", CAST(NULL AS DECIMAL(18, 4))");
    for (int pair = 1; pair < TREND_PAIRS; pair++) {
      nulls.append(", CAST(NULL AS DECIMAL(18, 4)), CAST(NULL AS DECIMAL(18, 4))");
    }
    branches.add("SELECT '" + CUSTOMER_BASE + "' || c.region, c.bucket, SUM(c.customers)" + nulls
        + " FROM (SELECT " + month + " END AS bucket, b.region, CAST(b.broadband_customers AS DECIMAL(18, 4))"
        + " AS customers FROM sl_customer_base b WHERE b.base_month >= ? AND b.base_month <= ?"
        + (region == null ? "" : " AND b.region = ?") + ") c GROUP BY c.bucket, c.region");
    params.add(baseMonths.get(0));
    params.add(baseMonths.get(baseMonths.size() - 1));
    addRegion(params, region);
    Counted per10k = counted(Kpi.complaintsPer10k, satisfactionWeights, dayOffsetSeconds);
    List<Object> bucketParams = new ArrayList<>();
    String bucket = bucket("w.received_at", bounds, bucketParams);
    branches.add("SELECT '" + COMPLAINT_REGION + "' || COALESCE(c.region, '" + NO_REGION + "'), c.bucket,"
        + " CAST(COUNT(*) AS DECIMAL(18, 4))" + nulls + " FROM (SELECT " + bucket + " AS bucket, w.region"
        + " FROM sl_work_order w WHERE " + per10k.filter() + " AND w.received_at >= ? AND w.received_at < ?"
        + regionFilter + ") c GROUP BY c.bucket, c.region");
    params.addAll(bucketParams);
    params.add(start);
    params.add(end);
    addRegion(params, region);
    return new Sql(String.join(" UNION ALL ", branches), params, null, List.of());
  }

  private static List<Object> whereParams(List<Object> params, Object... values) {
    params.addAll(List.of(values));
    return params;
  }

  /** Branch key of the first contacts whose deadline passed in the bucket without a contact by its end. */
  static final String FIRST_CONTACT_MISSED = "firstContactMissed";
  /** Branch key of the orders whose first-round closure deadline passed in the bucket, a miss (timelyHandlingRate). */
  static final String TIMELY_MISSED = "timelyMissed";
  /** Branch key of the repeat complaints (the numerator of repeatComplaintRate). */
  static final String REPEATS = "repeats";
  /** (numerator, denominator) column pairs per branch of {@link #buckets}: the most KPIs on one milestone. */
  static final int TREND_PAIRS = 5;

  /** The branches of {@link #buckets} in order: milestone column (or special key) → its KPI counts. */
  static Map<String, List<Counted>> trendBranches(List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    Map<String, List<Counted>> branches = new LinkedHashMap<>();
    for (Kpi kpi : Kpi.values()) {
      if (kpi != Kpi.firstContactInTime && kpi != Kpi.repeatComplaintRate) {
        Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
        branches.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c);
      }
    }
    // the repeat-complaint KPI's denominator: the complaints received (its numerator is the REPEATS branch)
    branches.get("w.received_at").add(REPEAT_DENOMINATOR);
    branches.put("w.first_contact_at", List.of(new Counted(null, "w.first_contact_at",
        flag("w.first_contact_on_time = TRUE"), List.of())));
    branches.put(FIRST_CONTACT_MISSED, List.of(new Counted(null, "w.first_contact_due", "0", List.of())));
    branches.put(REPEATS, List.of(new Counted(null, "w.received_at", "1", List.of())));
    branches.put(TIMELY_MISSED, List.of(new Counted(null, "w.first_closure_due", "0", List.of())));
    return branches;
  }

  private static final Counted REPEAT_DENOMINATOR =
      new Counted("w.order_type = 'COMPLAINT'", "w.received_at", "0", List.of());

  /**
   * One bucket's (numerator, denominator) per KPI, from that bucket's rows of {@link #buckets}: branch
   * key → its 2 × {@link #TREND_PAIRS} sums. A KPI without facts in the bucket gets nulls (no facts).
   */
  static Map<Kpi, BigDecimal[]> trendResults(Map<String, BigDecimal[]> rows, List<KpiWeight> satisfactionWeights,
      int dayOffsetSeconds) {
    Map<String, List<Counted>> branches = trendBranches(satisfactionWeights, dayOffsetSeconds);
    Map<Kpi, BigDecimal[]> out = new EnumMap<>(Kpi.class);
    for (Kpi kpi : Kpi.values()) {
      switch (kpi) {
        case firstContactInTime -> {
          BigDecimal[] contacted = pair(rows, "w.first_contact_at", 0);
          BigDecimal[] missed = pair(rows, FIRST_CONTACT_MISSED, 0);
          out.put(kpi, new BigDecimal[] {contacted[0], add(contacted[1], missed[1])});
        }
        case timelyHandlingRate -> {
          Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
          BigDecimal[] closed = pair(rows, c.column(), branches.get(c.column()).indexOf(c));
          BigDecimal[] missed = pair(rows, TIMELY_MISSED, 0);
          out.put(kpi, new BigDecimal[] {add(closed[0], missed[0]), add(closed[1], missed[1])});
        }
        case repeatComplaintRate -> out.put(kpi, new BigDecimal[] {pair(rows, REPEATS, 0)[0],
            pair(rows, "w.received_at", branches.get("w.received_at").indexOf(REPEAT_DENOMINATOR))[1]});
        default -> {
          Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
          out.put(kpi, pair(rows, c.column(), branches.get(c.column()).indexOf(c)));
        }
      }
    }
    return out;
  }

  private static BigDecimal[] pair(Map<String, BigDecimal[]> rows, String branch, int index) {
    BigDecimal[] row = rows.get(branch);
    return row == null ? new BigDecimal[2] : new BigDecimal[] {row[2 * index], row[2 * index + 1]};
  }

  private static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.add(b);
  }

  /** The key prefix of the customer base rows in {@link #buckets} (+ the region). */
  static final String CUSTOMER_BASE = "customerBase:";
  /** The key prefix of the rows of regions with broadband complaints in {@link #buckets} (+ the region). */
  static final String COMPLAINT_REGION = "complaintRegion:";
  /** The region of orders without one: it has no customer base. */
  static final String NO_REGION = "(none)";

  /** The regions (or NO_REGION) with broadband complaints received in each bucket [bounds[i], bounds[i+1]). */
  static Sql complaintRegions(List<Instant> bounds, String region) {
    List<Object> params = new ArrayList<>();
    String bucket = bucket("w.received_at", bounds, params);
    params.add(ts(bounds.get(0)));
    params.add(ts(bounds.get(bounds.size() - 1)));
    addRegion(params, region);
    return new Sql("SELECT DISTINCT " + bucket + " AS bucket, COALESCE(w.region, '" + NO_REGION + "')"
        + " FROM sl_work_order w WHERE " + counted(Kpi.complaintsPer10k, List.of(), 0).filter()
        + " AND w.received_at >= ? AND w.received_at < ?" + (region == null ? "" : " AND w.region = ?"),
        params, null, List.of());
  }

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

  /**
   * Surveyed = reached on the first round's return visit (first_satisfaction, first_surveyed_at: a later
   * round never changes a month already reported); numerator = the weighted unsatisfied ones.
   */
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
        ? flag("w.first_satisfaction = 'UNSATISFIED'")
        : "CASE WHEN w.first_satisfaction = 'UNSATISFIED' THEN " + weight + " ELSE 0 END";
    return new Counted("w.first_satisfaction IN ('SATISFIED', 'UNSATISFIED')", "w.first_surveyed_at", numerator,
        params);
  }

  /**
   * The day number of a timestamp in the operator's zone: whole days since 1970-01-01 of the instant moved by the
   * zone's offset (given in seconds, a literal: the zone keeps one offset over the period, see KpiService).
   * EXTRACT(EPOCH FROM a TIMESTAMP WITH TIME ZONE) is the same in H2 and PostgreSQL, whatever the session zone.
   */
  static String day(String column, int offsetSeconds) {
    return "FLOOR((EXTRACT(EPOCH FROM " + column + ") + " + offsetSeconds + ") / 86400)";
  }

  private static String flag(String condition) {
    return "CASE WHEN " + condition + " THEN 1 ELSE 0 END";
  }
}
