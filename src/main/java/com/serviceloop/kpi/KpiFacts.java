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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
  record Deadline(String filter, String doneAt, String due, String onTime) {}

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
      // the part judged at closure; the misses judged at their deadline are of()'s second part (a second Part in
      // parts())
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
   * One part of a KPI's facts in {@link #facts}: the orders whose milestone lies in a bucket and for which holds is
   * true (null: every order), each adding numerator. A KPI counted on one milestone is one part ({@link #counted});
   * one judged at a deadline ({@link #deadline}) two — done in the bucket, deadline passed in it with nothing done by
   * its end; timelyHandlingRate two — judged at closure, missed at its first-round deadline. The same definitions as
   * {@link #of}: a KPI's parts are disjoint, and with one bucket their union is of()'s WHERE.
   */
  record Part(Kpi kpi, String milestone, String holds, String numerator) {}

  static List<Part> parts(List<KpiWeight> satisfactionWeights, int dayOffsetSeconds, int buckets) {
    List<Part> parts = new ArrayList<>();
    for (Kpi kpi : Kpi.values()) {
      Deadline d = deadline(kpi);
      if (d != null) {
        parts.add(new Part(kpi, d.doneAt(), d.filter(), flag(d.onTime() + " = TRUE")));
        parts.add(new Part(kpi, d.due(), (d.filter() == null ? "" : d.filter() + " AND ") + d.due() + " < :now AND ("
            + d.doneAt() + " IS NULL OR " + d.doneAt() + " >= " + bucketEnd(d.due(), buckets) + ")", "0"));
        continue;
      }
      Counted c = counted(kpi, satisfactionWeights, dayOffsetSeconds);
      parts.add(new Part(kpi, c.column(), c.filter(), c.numerator()));
      if (kpi == Kpi.timelyHandlingRate) {
        parts.add(new Part(kpi, "w.first_closure_due", "w.first_closure_due < :now AND " + HANDLED + " AND "
            + MISSED_AT_DEADLINE, "0"));
      }
    }
    return parts;
  }

  /** The milestone columns of the parts, each once, in order: digit i of {@link #facts}'s bucket key is the i-th's. */
  static List<String> milestones(List<Part> parts) {
    return parts.stream().map(Part::milestone).distinct().toList();
  }

  /**
   * All KPIs of consecutive periods (buckets [bounds[i], bounds[i+1])) in ONE statement and one pass over the orders
   * with a milestone in the span: the monthly report (one bucket), a breakdown (one bucket, grouped), the trend (a
   * bucket per month). Each order's bucket per milestone column ({@link #milestones}; the number of buckets when
   * outside the span) is one digit of a BIGINT key in base buckets + 1, and each part ({@link #parts}) gives a pair
   * of columns SUM(numerator where it holds), SUM(1 where it holds); the rows are grouped by (group, region, key), so
   * that {@link Sums} adds a part's pair to the bucket its milestone's digit names. One key rather than a column per
   * milestone, computed below OFFSET 0 (a subquery PostgreSQL does not pull up): PostgreSQL estimates a GROUP BY over
   * the milestone columns as one group per order and sorts the year on disk; an opaque key it estimates at 200
   * distinct values and hashes (a few hundred groups in fact). Columns: group, region (or NO_REGION), key, then the
   * pairs in the order of the parts. Parameters: :from, :to, the inner bounds :bound1 …, :now, :region, the weights'.
   */
  static Query facts(List<Instant> bounds, String groupExpr, String region, Instant now,
      List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
    int buckets = bounds.size() - 1;
    Map<String, Object> params = boundParams(bounds, region);
    params.put("now", ts(now));
    params.putAll(satisfaction(satisfactionWeights).numeratorParams());
    List<Part> parts = parts(satisfactionWeights, dayOffsetSeconds, buckets);
    List<String> milestones = milestones(parts);
    long[] place = places(buckets, milestones.size());
    List<String> digits = new ArrayList<>();
    List<String> inSpan = new ArrayList<>();
    for (int i = 0; i < milestones.size(); i++) {
      String m = milestones.get(i);
      String span = m + " >= :from AND " + m + " < :to";
      inSpan.add("(" + span + ")");
      digits.add("CAST(CASE WHEN " + span + " THEN " + bucket(m, buckets) + " ELSE " + buckets + " END AS BIGINT)"
          + (place[i] == 1 ? "" : " * " + place[i]));
    }
    List<String> inner = new ArrayList<>(List.of((groupExpr == null ? "'ALL'" : groupExpr) + " AS grp",
        "COALESCE(w.region, '" + NO_REGION + "') AS region", String.join(" + ", digits) + " AS k"));
    List<String> outer = new ArrayList<>(List.of("b.grp", "b.region", "b.k"));
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      String holds = part.holds() == null ? "1 = 1" : part.holds();
      inner.add("CASE WHEN " + holds + " THEN " + part.numerator() + " END AS n" + p);
      inner.add(flag(holds) + " AS d" + p);
      outer.add("SUM(b.n" + p + ")");
      outer.add("SUM(b.d" + p + ")");
    }
    return new Query("SELECT " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", inner)
        + " FROM sl_work_order w WHERE (" + String.join(" OR ", inSpan) + ")" + (region == null ? "" : IN_REGION)
        + " OFFSET 0 ROWS) b GROUP BY b.grp, b.region, b.k", params);
  }

  /** The place value of each milestone's digit in the bucket key: (buckets + 1)^i, refused past a BIGINT. */
  private static long[] places(int buckets, int milestones) {
    long[] place = new long[milestones];
    long value = 1;
    for (int i = 0; i < milestones; i++) {
      place[i] = value;
      if (i < milestones - 1) {
        value = Math.multiplyExact(value, buckets + 1L);
      }
    }
    Math.multiplyExact(value, buckets + 1L); // the largest key must fit too
    return place;
  }

  /**
   * The rows of {@link #facts} added up: per group and bucket each KPI's (numerator, denominator) — a KPI without
   * facts there has no entry — and per bucket, for each KPI per customers, the regions (or NO_REGION) it counts orders
   * of (over every group).
   */
  static final class Sums {
    private final List<Part> parts;
    private final int buckets;
    private final int[] digit;
    private final long[] place;
    final Map<String, Map<Integer, Map<Kpi, BigDecimal[]>>> kpis = new TreeMap<>();
    final Map<Integer, Map<Kpi, Set<String>>> countedRegions = new TreeMap<>();

    Sums(int buckets, List<KpiWeight> satisfactionWeights, int dayOffsetSeconds) {
      this.parts = KpiFacts.parts(satisfactionWeights, dayOffsetSeconds, buckets);
      this.buckets = buckets;
      List<String> milestones = milestones(parts);
      this.digit = parts.stream().mapToInt(p -> milestones.indexOf(p.milestone())).toArray();
      this.place = places(buckets, milestones.size());
    }

    /** One row of {@link #facts}: its group, region, key and the 2 × parts sums. */
    void add(String group, String region, long key, BigDecimal[] sums) {
      for (int p = 0; p < parts.size(); p++) {
        int bucket = bucket(key, p);
        if (bucket != buckets) {
          addPart(group, region, bucket, p, sums[2 * p], sums[2 * p + 1]);
        }
      }
    }

    /** The bucket the key's digit of part p names (buckets: outside the span). */
    int bucket(long key, int p) {
      return (int) (key / place[digit[p]] % (buckets + 1));
    }

    /**
     * One part's sums (numerator, count) of a group and region in a bucket: a row of {@link #facts} or of the month
     * summary ({@link KpiSummary}). Nothing without a count.
     */
    void addPart(String group, String region, int bucket, int p, BigDecimal numerator, BigDecimal count) {
      if (count == null || count.signum() == 0) {
        return;
      }
      Kpi kpi = parts.get(p).kpi();
      BigDecimal[] pair = kpis.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(bucket, b -> new EnumMap<>(Kpi.class))
          .computeIfAbsent(kpi, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      pair[0] = numerator == null ? pair[0] : pair[0].add(numerator);
      pair[1] = pair[1].add(count);
      if (kpi.unit().perCustomers() != null) {
        countedRegions.computeIfAbsent(bucket, b -> new EnumMap<>(Kpi.class)).computeIfAbsent(kpi, k -> new TreeSet<>())
            .add(region);
      }
    }

    /** Adds another statement's sums (of buckets starting at bucket offset of this one's). */
    void merge(Sums other, int offset) {
      other.kpis.forEach((group, byBucket) -> byBucket.forEach((bucket, byKpi) -> byKpi.forEach((kpi, pair) -> {
        BigDecimal[] mine = kpis.computeIfAbsent(group, g -> new TreeMap<>())
            .computeIfAbsent(bucket + offset, b -> new EnumMap<>(Kpi.class))
            .computeIfAbsent(kpi, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        mine[0] = mine[0].add(pair[0]);
        mine[1] = mine[1].add(pair[1]);
      })));
      other.countedRegions.forEach((bucket, byKpi) -> byKpi.forEach((kpi, regions) -> countedRegions
          .computeIfAbsent(bucket + offset, b -> new EnumMap<>(Kpi.class)).computeIfAbsent(kpi, k -> new TreeSet<>())
          .addAll(regions)));
    }

    List<Part> partList() {
      return parts;
    }

    /** Each KPI's (numerator, denominator) of the group in the bucket; empty without facts. */
    Map<Kpi, BigDecimal[]> of(String group, int bucket) {
      return kpis.getOrDefault(group, Map.of()).getOrDefault(bucket, Map.of());
    }

    /** The regions the KPI per customers counts orders of in the bucket. */
    Set<String> regions(int bucket, Kpi kpi) {
      return countedRegions.getOrDefault(bucket, Map.of()).getOrDefault(kpi, Set.of());
    }
  }

  /** The KPIs counted per customers of the customer base (complaintsPer10k, appealsPerMillion). */
  static List<Kpi> perCustomers() {
    return java.util.Arrays.stream(Kpi.values()).filter(k -> k.unit().perCustomers() != null).toList();
  }

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
}
