package com.serviceloop.kpi;

import static com.serviceloop.common.SqlTimestamps.ts;
import static java.util.stream.Collectors.joining;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which work orders (sl_work_order w) each KPI counts in a period, and what each adds to the
 * numerator: the denominator is COUNT(*) of the facts, the numerator SUM(numerator). Plain SQL that
 * H2 and PostgreSQL both run, with named parameters (NamedParameterJdbcTemplate): the period is
 * :from and :to, the instants computed by Java in the operator's zone, the present :now, a region
 * :region. A name means the same value wherever it appears, so every fragment may use it.
 */
final class KpiFacts {

  /** WHERE condition and numerator expression over alias w, with the values of their named parameters. */
  record Sql(String where, String numerator, Map<String, Object> params) {}

  /** A whole statement and the values of its named parameters. */
  record Query(String sql, Map<String, Object> params) {}

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

  /** A REGULATOR referral (申诉, MIIT Order 35): a complaint the regulator passed on. */
  static final String REGULATOR_REFERRAL = "w.order_type = 'COMPLAINT' AND w.channel = 'REGULATOR'";

  /** The region filter, when a region is asked for (its value :region). */
  static final String IN_REGION = " AND w.region = :region";

  private KpiFacts() {}

  static Sql of(Kpi kpi, Instant from, Instant to, Instant now, List<KpiWeight> satisfactionWeights,
      int dayOffsetSeconds) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", ts(from));
    params.put("to", ts(to));
    Deadline deadline = deadline(kpi);
    if (deadline != null) {
      params.put("now", ts(now));
      String done = deadline.doneAt();
      String due = deadline.due();
      return new Sql((deadline.filter() == null ? "" : deadline.filter() + " AND ")
          + "((" + done + " >= :from AND " + done + " < :to)"
          + " OR (" + due + " >= :from AND " + due + " < :to AND " + due + " < :now"
          + " AND (" + done + " IS NULL OR " + done + " >= :to)))",
          flag(done + " >= :from AND " + done + " < :to AND " + deadline.onTime() + " = TRUE"), params);
    }
    return switch (kpi) {
      case timelyHandlingRate -> {
        params.put("now", ts(now));
        yield new Sql(HANDLED
            + " AND ((w.closed_at >= :from AND w.closed_at < :to AND " + JUDGED_AT_CLOSURE + ")"
            + " OR (w.first_closure_due >= :from AND w.first_closure_due < :to AND w.first_closure_due < :now AND "
            + MISSED_AT_DEADLINE + "))",
            flag("w.first_closure_on_time = TRUE"), params);
      }
      default -> {
        Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
        params.putAll(c.numeratorParams());
        yield new Sql((c.filter() == null ? "" : c.filter() + " AND ") + c.column() + " >= :from AND "
            + c.column() + " < :to", c.numerator(), params);
      }
    };
  }

  /**
   * A KPI judged at a deadline (firstContactInTime, regulatorReplyInTime): of the orders it looks at (filter, or
   * null), those done (doneAt) in the period — on time when the onTime flag is TRUE — plus those whose deadline
   * (due) passed in the period, before now, not done by the period's end: a miss. So an order whose deadline passed
   * in November and which was done only in December is a miss of November and a late one of December, and a
   * month's figure does not change when it is recomputed later.
   */
  record Deadline(String filter, String doneAt, String due, String onTime) {

    /** The part done in the period (the trend's branch on doneAt). */
    Counted done() {
      return new Counted(filter, doneAt, flag(onTime + " = TRUE"));
    }

    /** The part missed at its deadline (the trend's missed branch on due; the numerator adds nothing). */
    Counted missed() {
      return new Counted(filter, due, "0");
    }
  }

  /** The deadline a KPI is judged at, or null for a KPI that counts one milestone. */
  static Deadline deadline(Kpi kpi) {
    return switch (kpi) {
      case firstContactInTime -> new Deadline(null, "w.first_contact_at", "w.first_contact_due",
          "w.first_contact_on_time");
      // 回复管局及时率: the report back to the regulator against the deadline the referral set
      case regulatorReplyInTime -> new Deadline(REGULATOR_REFERRAL, "w.regulator_reported_at",
          "w.regulator_reply_due", "w.regulator_reply_on_time");
      default -> null;
    };
  }

  /**
   * A KPI that counts the orders whose milestone column falls in the period: the orders it looks at
   * (filter, or null), the milestone, what each adds to the numerator and the values of the numerator's
   * parameters. Every KPI but those judged at a deadline ({@link #deadline}) and timelyHandlingRate (two
   * milestones each; timelyHandlingRate's part judged at closure is one).
   */
  record Counted(String filter, String column, String numerator, Map<String, Object> numeratorParams) {

    Counted(String filter, String column, String numerator) {
      this(filter, column, numerator, Map.of());
    }
  }

  static Counted counted(Kpi kpi, List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    return switch (kpi) {
      case complaintsPer10k -> new Counted("w.order_type = 'COMPLAINT' AND w.category = 'BROADBAND'", "w.received_at",
          "1");
      // 申诉率: the referrals the regulator passed on, received in the period (any category)
      case appealsPerMillion -> new Counted(REGULATOR_REFERRAL, "w.received_at", "1");
      // the part judged at closure; the misses judged at their deadline are of()'s second part, the trend's
      // TIMELY_MISSED branch
      case timelyHandlingRate -> new Counted(HANDLED + " AND " + JUDGED_AT_CLOSURE, "w.closed_at",
          flag("w.first_closure_on_time = TRUE"));
      case satisfactionRate -> satisfaction(satisfactionWeights);
      case onSiteAppointmentRate -> new Counted("w.order_type = 'FAULT_REPAIR'", "w.received_at",
          flag("w.on_site_appointment = TRUE"));
      case installationTimeliness -> new Counted("w.order_type = 'INSTALLATION'", "w.completed_at",
          flag("w.completion_on_time = TRUE"));
      case escalationRate -> new Counted(null, "w.received_at", flag("w.escalation_level > 0"));
      // 每诉必录: the work order created (created_at) on the operator's day the complaint was received
      case sameDayRecordingRate -> new Counted("w.order_type = 'COMPLAINT'", "w.received_at",
          flag(day("w.created_at", dayOffsetSeconds) + " = " + day("w.received_at", dayOffsetSeconds)));
      // 重复投诉: the flag complaint-handling stored when it checked the complaint with its model's window
      // (Task_CheckRepeatComplaint, repeatWindow); not checked yet (NULL): no repeat
      case repeatComplaintRate -> new Counted("w.order_type = 'COMPLAINT'", "w.received_at",
          flag("w.repeat_complaint = TRUE"));
      case reprocessingRate -> new Counted(null, "w.closed_at", flag("w.rounds > 1"));
      case remediesDue -> new Counted("(w.compensation_amount > 0 OR w.remedy_amount > 0)", "w.closed_at",
          "COALESCE(w.compensation_amount, 0) + COALESCE(w.remedy_amount, 0)");
      case firstContactInTime, regulatorReplyInTime -> throw new IllegalArgumentException(kpi + " is judged at a deadline");
    };
  }

  /**
   * The KPIs of consecutive periods in ONE statement (the monthly trend): bucket i is [bounds[i],
   * bounds[i+1]). One branch per milestone column, not per KPI: each branch is one index range (or scan)
   * over the whole span, its rows put into buckets by a CASE on the milestone, and for each KPI counted on
   * that milestone a pair of columns SUM(numerator where the KPI's filter holds), COUNT(where it holds) —
   * the same definitions ({@link #counted}) as the reports, so each bucket gives what a report of that
   * period gives. A KPI judged at a deadline ({@link #deadline}) is two branches (done in the bucket, on its
   * done-at milestone; deadline passed in it with nothing done by its end), timelyHandlingRate's misses at their
   * deadline one more. The customer base comes per bucket month and region, and for each KPI per customers
   * ({@link Kpi.Unit#perCustomers}) the regions it counts orders of in each bucket. Columns: branch key, bucket, then
   * {@link #TREND_PAIRS} (numerator, denominator) pairs in the order of {@link #trendBranches}. Parameters: the span
   * :from, :to, the inner bounds :bound1 …, :now, :region, the base months :baseMonth0 …, the weights'
   * ({@link #satisfaction}).
   */
  static Query buckets(List<Instant> bounds, List<String> baseMonths, String region, Instant now,
      List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    Map<String, Object> params = boundParams(bounds, region);
    params.put("now", ts(now));
    int buckets = bounds.size() - 1;
    String regionFilter = region == null ? "" : IN_REGION;
    List<String> branches = new ArrayList<>();
    for (Map.Entry<String, List<Counted>> branch : trendBranches(satisfactionWeights, dayOffsetSeconds).entrySet()) {
      String key = branch.getKey();
      Deadline missed = missedBranchOf(key);
      String where;
      if (missed != null) {
        String due = missed.due();
        where = due + " >= :from AND " + due + " < :to AND " + due + " < :now AND (" + missed.doneAt() + " IS NULL OR "
            + missed.doneAt() + " >= " + bucketEnd(due, buckets) + ")";
      } else if (key.equals(TIMELY_MISSED)) {
        where = "w.first_closure_due >= :from AND w.first_closure_due < :to AND w.first_closure_due < :now"
            + " AND " + HANDLED + " AND " + MISSED_AT_DEADLINE;
      } else {
        where = key + " >= :from AND " + key + " < :to";
      }
      String column = branch.getValue().get(0).column();
      List<String> inner = new ArrayList<>(List.of(bucket(column, buckets) + " AS bucket"));
      List<String> outer = new ArrayList<>(List.of("'" + key + "' AS branch", "b.bucket"));
      int pair = 0;
      for (Counted c : branch.getValue()) {
        String holds = c.filter() == null ? "1 = 1" : c.filter();
        inner.add("CASE WHEN " + holds + " THEN " + decimal(c.numerator()) + " END AS n" + pair);
        inner.add("CASE WHEN " + holds + " THEN 1 ELSE 0 END AS d" + pair);
        outer.add("SUM(b.n" + pair + ")");
        outer.add("SUM(b.d" + pair + ")");
        params.putAll(c.numeratorParams());
        pair++;
      }
      for (; pair < TREND_PAIRS; pair++) {
        outer.add(NULL_DECIMAL);
        outer.add(NULL_DECIMAL);
      }
      branches.add("SELECT " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", inner)
          + " FROM sl_work_order w WHERE " + where + regionFilter + ") b GROUP BY b.bucket");
    }
    // the customer base of each bucket's month, per region, and for each KPI per customers the regions it counts
    // orders of in each bucket: a month whose base misses one of them (or has none) has no denominator for that KPI
    // (CUSTOMER_BASE, COUNTED_REGION)
    String month = IntStream.range(0, baseMonths.size())
        .mapToObj(i -> "WHEN b.base_month = :baseMonth" + i + " THEN " + i).collect(joining(" ", "CASE ", " END"));
    for (int i = 0; i < baseMonths.size(); i++) {
      params.put("baseMonth" + i, baseMonths.get(i));
    }
    String nulls = ", " + String.join(", ", java.util.Collections.nCopies(2 * TREND_PAIRS - 1, NULL_DECIMAL));
    branches.add("SELECT '" + CUSTOMER_BASE + "' || c.region, c.bucket, SUM(c.customers)" + nulls
        + " FROM (SELECT " + month + " AS bucket, b.region, CAST(b.broadband_customers AS DECIMAL(18, 4))"
        + " AS customers FROM sl_customer_base b WHERE b.base_month >= :baseMonth0 AND b.base_month <= :baseMonth"
        + (baseMonths.size() - 1) + (region == null ? "" : " AND b.region = :region") + ") c GROUP BY c.bucket, c.region");
    for (Kpi kpi : perCustomers()) {
      Counted c = counted(kpi, List.of(), 0);
      branches.add("SELECT '" + COUNTED_REGION + kpi.id() + ":' || COALESCE(c.region, '" + NO_REGION + "'), c.bucket,"
          + " CAST(COUNT(*) AS DECIMAL(18, 4))" + nulls + " FROM (SELECT " + bucket(c.column(), buckets)
          + " AS bucket, w.region FROM sl_work_order w WHERE " + c.filter() + " AND " + c.column() + " >= :from AND "
          + c.column() + " < :to" + regionFilter + ") c GROUP BY c.bucket, c.region");
    }
    return new Query(String.join(" UNION ALL ", branches), params);
  }

  private static final String NULL_DECIMAL = "CAST(NULL AS DECIMAL(18, 4))";

  /** Branch key suffix (after the KPI's id) of the orders whose deadline passed in the bucket with nothing done by its end. */
  static final String MISSED = "Missed";
  /** Branch key of the orders whose first-round closure deadline passed in the bucket, a miss (timelyHandlingRate). */
  static final String TIMELY_MISSED = "timelyMissed";
  /** The branches of {@link #buckets} in order: milestone column (or special key) → its KPI counts. */
  static Map<String, List<Counted>> trendBranches(List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    Map<String, List<Counted>> branches = new LinkedHashMap<>();
    for (Kpi kpi : Kpi.values()) {
      Deadline deadline = deadline(kpi);
      Counted c = deadline == null ? counted(kpi, satisfactionWeights, dayOffsetSeconds) : deadline.done();
      branches.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c);
    }
    for (Kpi kpi : Kpi.values()) {
      Deadline deadline = deadline(kpi);
      if (deadline != null) {
        branches.put(kpi.id() + MISSED, List.of(deadline.missed()));
      }
    }
    branches.put(TIMELY_MISSED, List.of(new Counted(null, "w.first_closure_due", "0")));
    return branches;
  }

  /** The deadline of the KPI whose missed branch the key is, or null. */
  private static Deadline missedBranchOf(String key) {
    for (Kpi kpi : Kpi.values()) {
      if (key.equals(kpi.id() + MISSED)) {
        return deadline(kpi);
      }
    }
    return null;
  }

  /** The KPIs counted per customers of the customer base (complaintsPer10k, appealsPerMillion). */
  static List<Kpi> perCustomers() {
    return java.util.Arrays.stream(Kpi.values()).filter(k -> k.unit().perCustomers() != null).toList();
  }

  /**
   * One bucket's (numerator, denominator) per KPI, from that bucket's rows of {@link #buckets}: branch
   * key → its 2 × {@link #TREND_PAIRS} sums. A KPI without facts in the bucket gets nulls (no facts).
   */
  static Map<Kpi, BigDecimal[]> trendResults(Map<String, BigDecimal[]> rows, List<KpiWeight> satisfactionWeights,
      int dayOffsetSeconds) {
    Map<String, List<Counted>> branches = trendBranches(satisfactionWeights, dayOffsetSeconds);
    Map<Kpi, BigDecimal[]> out = new EnumMap<>(Kpi.class);
    for (Kpi kpi : Kpi.values()) {
      Deadline deadline = deadline(kpi);
      if (deadline != null) {
        Counted c = deadline.done();
        BigDecimal[] done = pair(rows, c.column(), branches.get(c.column()).indexOf(c));
        BigDecimal[] missed = pair(rows, kpi.id() + MISSED, 0);
        out.put(kpi, new BigDecimal[] {done[0], add(done[1], missed[1])});
        continue;
      }
      switch (kpi) {
        case timelyHandlingRate -> {
          Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
          BigDecimal[] closed = pair(rows, c.column(), branches.get(c.column()).indexOf(c));
          BigDecimal[] missed = pair(rows, TIMELY_MISSED, 0);
          out.put(kpi, new BigDecimal[] {add(closed[0], missed[0]), add(closed[1], missed[1])});
        }
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
  /**
   * The key prefix of the rows in {@link #buckets} of the regions a KPI per customers counts orders of (+ the KPI's
   * id, ':', the region).
   */
  static final String COUNTED_REGION = "countedRegion:";
  /** The region of orders without one: it has no customer base. */
  static final String NO_REGION = "(none)";

  /**
   * The regions (or NO_REGION) a KPI per customers counts orders of in each bucket [bounds[i], bounds[i+1]): with
   * broadband complaints received (complaintsPer10k), with REGULATOR referrals received (appealsPerMillion).
   */
  static Query countedRegions(Kpi kpi, List<Instant> bounds, String region) {
    Counted c = counted(kpi, List.of(), 0);
    return new Query("SELECT DISTINCT " + bucket(c.column(), bounds.size() - 1) + " AS bucket, COALESCE(w.region, '"
        + NO_REGION + "') FROM sl_work_order w WHERE " + c.filter() + " AND " + c.column() + " >= :from AND "
        + c.column() + " < :to" + (region == null ? "" : IN_REGION), boundParams(bounds, region));
  }

  /** The span :from (bounds[0]) to :to (bounds[last]), the inner bounds :bound1 …, and :region when given. */
  private static Map<String, Object> boundParams(List<Instant> bounds, String region) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", ts(bounds.get(0)));
    params.put("to", ts(bounds.get(bounds.size() - 1)));
    for (int i = 1; i < bounds.size() - 1; i++) {
      params.put("bound" + i, ts(bounds.get(i)));
    }
    if (region != null) {
      params.put("region", region);
    }
    return params;
  }

  /** The bucket index of a value known to lie in [:from, :to): i where it is before :bound(i+1). */
  private static String bucket(String column, int buckets) {
    if (buckets == 1) {
      return "0";
    }
    return IntStream.range(1, buckets).mapToObj(i -> "WHEN " + column + " < :bound" + i + " THEN " + (i - 1))
        .collect(joining(" ", "CASE ", " ELSE " + (buckets - 1) + " END"));
  }

  /** The end of the bucket of a value known to lie in [:from, :to). */
  private static String bucketEnd(String column, int buckets) {
    if (buckets == 1) {
      return ":to";
    }
    return IntStream.range(1, buckets).mapToObj(i -> "WHEN " + column + " < :bound" + i + " THEN :bound" + i)
        .collect(joining(" ", "CASE ", " ELSE :to END"));
  }

  private static String decimal(String expression) {
    return "CAST(" + expression + " AS DECIMAL(18, 4))";
  }

  /**
   * Surveyed = reached on the first round's return visit (first_satisfaction, first_surveyed_at: a later
   * round never changes a month already reported); numerator = the weighted unsatisfied ones. The weights'
   * parameters: :weightType0, :weightCategory0, :weight0, … in the order of the rules.
   */
  private static Counted satisfaction(List<KpiWeight> weights) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> whens = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      KpiWeight w = weights.get(i);
      params.put("weightType" + i, w.orderType());
      params.put("weight" + i, w.weight());
      String category = "";
      if (w.category() != null) {
        params.put("weightCategory" + i, w.category());
        category = " AND w.category = :weightCategory" + i;
      }
      whens.add("WHEN w.order_type = :weightType" + i + category + " THEN CAST(:weight" + i + " AS DECIMAL(9, 4))");
    }
    String numerator = weights.isEmpty()
        ? flag("w.first_satisfaction = 'UNSATISFIED'")
        : "CASE WHEN w.first_satisfaction = 'UNSATISFIED' THEN CASE " + String.join(" ", whens) + " ELSE 1 END ELSE 0 END";
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

  /**
   * (numerator, denominator) column pairs per branch of {@link #buckets}: the most KPIs on one milestone (declared
   * last: its initialiser reads the branches).
   */
  static final int TREND_PAIRS = trendBranches(List.of(), 0).values().stream().mapToInt(List::size).max().orElse(1);
}
