package com.serviceloop.kpi;

import com.serviceloop.common.Databases;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the KPIs as SQL aggregates over the work-order facts: one statement for every KPI of a report
 * (grouped by region, channel or category where asked, or by month for the trend; {@link KpiFacts#facts}),
 * never the orders themselves loaded into Java. The
 * weights come from the decision kpi-weights once per report; the targets from {@link KpiProperties}.
 * The SQL ({@link KpiFacts}) has named parameters.
 */
@Service
public class KpiService {

  static final String NO_GROUP = "ALL";
  static final String UNKNOWN_GROUP = "(none)";
  private static final int SCALE = 6;

  private final NamedParameterJdbcTemplate jdbc;
  private final KpiWeightSource weights;
  private final KpiProperties properties;
  private final ZoneId zone;
  private final TransactionTemplate transactions;
  private final KpiSummary summary;
  private volatile Boolean postgres;

  public KpiService(NamedParameterJdbcTemplate jdbc, KpiWeightSource weights, KpiProperties properties,
      @Value("${serviceloop.calendar.zone:Asia/Shanghai}") String zone, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
    this.weights = weights;
    this.properties = properties;
    this.zone = ZoneId.of(zone);
    this.summary = new KpiSummary(jdbc, this.transactions, this::run);
  }

  public ZoneId zone() {
    return zone;
  }

  /** All KPIs of the period (and region, when given). */
  public List<KpiResult> report(KpiPeriod period, String region) {
    return report(period, region, true);
  }

  /** All KPIs of the period broken down by the grouping, groups in key order. */
  public List<KpiGroup> breakdown(KpiPeriod period, String region, KpiGrouping grouping) {
    return breakdown(period, region, grouping, true);
  }

  /**
   * The report, from the month summary where it answers (summary true: whole months wholly past, {@link KpiSummary})
   * or from the orders alone (false: for the tests and the benchmark that compare both).
   */
  List<KpiResult> report(KpiPeriod period, String region, boolean summary) {
    List<KpiWeight> satisfactionWeights = weights.weights(Kpi.satisfactionRate);
    return compute(period, region, null, satisfactionWeights, WorkOrderRepository.now(), summary).get(NO_GROUP);
  }

  /** The breakdown, with or without the month summary (see {@link #report(KpiPeriod, String, boolean)}). */
  List<KpiGroup> breakdown(KpiPeriod period, String region, KpiGrouping grouping, boolean summary) {
    List<KpiWeight> satisfactionWeights = weights.weights(Kpi.satisfactionRate);
    Instant now = WorkOrderRepository.now();
    List<KpiGroup> groups = new ArrayList<>();
    if (grouping == KpiGrouping.month) {
      return trend(period, region, satisfactionWeights, now, summary);
    }
    compute(period, region, grouping, satisfactionWeights, now, summary)
        .forEach((key, kpis) -> groups.add(new KpiGroup(key, kpis)));
    return groups;
  }

  /**
   * The period cut at Beijing month boundaries, all KPIs of every month in one statement (a bucket per month,
   * {@link KpiFacts#facts}): each month the same figures as {@link #report} of that month (part).
   */
  private List<KpiGroup> trend(KpiPeriod period, String region, List<KpiWeight> satisfactionWeights, Instant now,
      boolean useSummary) {
    List<KpiPeriod> months = period.byMonth();
    List<Instant> bounds = new ArrayList<>();
    months.forEach(m -> bounds.add(m.start()));
    bounds.add(period.end());
    int dayOffset = dayOffsetSeconds(period);
    KpiFacts.Sums sums = new KpiFacts.Sums(months.size(), satisfactionWeights, dayOffset);
    // the months the summary answers at their buckets; every run of other months from one statement of its own
    Map<String, Integer> summarised = new LinkedHashMap<>();
    for (int i = 0; i < months.size(); i++) {
      if (useSummary && summary.answers(months.get(i), now)) {
        summarised.put(months.get(i).firstMonth().toString(), i);
      }
    }
    if (!summarised.isEmpty()) {
      summary.refresh(summarised.values().stream().map(months::get).toList(), now, satisfactionWeights, dayOffset);
      summary.read(summarised, null, region, null, sums);
    }
    for (int i = 0; i < months.size(); i++) {
      int start = i;
      while (i < months.size() && !summarised.containsValue(i)) {
        i++;
      }
      if (i > start) {
        sums.merge(sums(bounds.subList(start, i + 1), null, region, now, satisfactionWeights, dayOffset), start);
      }
    }
    Map<String, Map<String, BigDecimal>> customerBase = customerBase(period, region);
    List<KpiGroup> groups = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      String monthKey = months.get(i).firstMonth().toString();
      // the month's own base per region, as its report reads it (regions with a figure for that month only)
      Map<String, Map<String, BigDecimal>> base = new TreeMap<>();
      customerBase.forEach((r, byMonth) -> {
        if (byMonth.containsKey(monthKey)) {
          base.put(r, Map.of(monthKey, byMonth.get(monthKey)));
        }
      });
      Map<Kpi, Base> bases = new EnumMap<>(Kpi.class);
      for (Kpi kpi : KpiFacts.perCustomers()) {
        Map<String, Set<String>> counted = new TreeMap<>();
        sums.regions(i, kpi).forEach(r -> counted.put(r, Set.of(monthKey)));
        bases.put(kpi, Base.of(List.of(monthKey), base, counted, region));
      }
      groups.add(new KpiGroup(monthKey, results(sums.of(NO_GROUP, i), bases)));
    }
    return groups;
  }

  /**
   * The facts statement ({@link KpiFacts#facts}) run and added up. On PostgreSQL in a transaction of its own settings
   * (SET LOCAL): without JIT compilation — the trend's cost is past jit_above_cost, and compiling its expressions
   * took 49 of its 64 s on 1,000,000 orders (docs/kpi.md, "Benchmark").
   */
  private KpiFacts.Sums sums(List<Instant> bounds, String groupExpr, String region, Instant now,
      List<KpiWeight> satisfactionWeights, int dayOffset) {
    KpiFacts.Query sql = KpiFacts.facts(bounds, groupExpr, region, now, satisfactionWeights, dayOffset);
    KpiFacts.Sums sums = new KpiFacts.Sums(bounds.size() - 1, satisfactionWeights, dayOffset);
    run(sql, bounds.size() == 2, rs -> {
      BigDecimal[] values = new BigDecimal[rs.getMetaData().getColumnCount() - 3];
      for (int c = 0; c < values.length; c++) {
        values[c] = number(rs.getObject(4 + c));
      }
      sums.add(rs.getString(1), rs.getString(2), rs.getLong(3), values);
    });
    return sums;
  }

  /** A facts statement run (onePeriod: a single bucket), with PostgreSQL's settings for it (see {@link #sums}). */
  private void run(KpiFacts.Query sql, boolean onePeriod, RowCallbackHandler rows) {
    if (!postgres()) {
      jdbc.query(sql.sql(), sql.params(), rows);
      return;
    }
    transactions.executeWithoutResult(status -> {
      jdbc.getJdbcTemplate().execute("SET LOCAL jit = off");
      // the few hundred groups are hashed, not sorted on disk (the planner expects thousands: see KpiFacts.facts)
      jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '64MB'");
      if (onePeriod) {
        // one period: the planner takes the milestones for independent and expects 5 times the orders that have one
        // in a month (455,253 for 96,353 of 1,000,000), then scans the table instead of OR-ing the 9 index ranges
        jdbc.getJdbcTemplate().execute("SET LOCAL enable_seqscan = off");
      }
      jdbc.query(sql.sql(), sql.params(), rows);
    });
  }

  private boolean postgres() {
    if (postgres == null) {
      postgres = jdbc.getJdbcTemplate().execute((ConnectionCallback<Boolean>) Databases::isPostgreSql);
    }
    return postgres;
  }

  /**
   * The zone's offset over the period, for the operator's days in SQL (sameDayRecordingRate). Asia/Shanghai has
   * kept +08:00 since 1991; a zone that changes its offset within the period is refused rather than miscounted.
   */
  int dayOffsetSeconds(KpiPeriod period) {
    // a day either side: a complaint received on the period's last day may be recorded the day after
    Instant from = period.start().minus(java.time.Duration.ofDays(1));
    Instant to = period.end().plus(java.time.Duration.ofDays(1));
    java.time.zone.ZoneOffsetTransition next = zone.getRules().nextTransition(from);
    if (next != null && next.getInstant().isBefore(to)) {
      throw new IllegalStateException("The zone " + zone + " changes its offset on " + next.getInstant()
          + ": same-day recording needs one offset over the period");
    }
    return zone.getRules().getOffset(from).getTotalSeconds();
  }

  /**
   * Rebuilds the month summary of those of the last {@code months} whole past months that are missing or stale, so
   * that the next dashboard read finds them warm (KpiSummaryRefresher); how many it rebuilt. Each month with its own
   * day offset, as its month report computes it.
   */
  public int refreshSummary(int months) {
    Instant now = WorkOrderRepository.now();
    YearMonth current = YearMonth.from(now.atZone(zone));
    List<KpiWeight> satisfactionWeights = weights.weights(Kpi.satisfactionRate);
    int rebuilt = 0;
    for (YearMonth m = current.minusMonths(months); m.isBefore(current); m = m.plusMonths(1)) {
      KpiPeriod month = KpiPeriod.month(m, zone);
      if (summary.answers(month, now)) {
        rebuilt += summary.refresh(List.of(month), now, satisfactionWeights, dayOffsetSeconds(month));
      }
    }
    return rebuilt;
  }

  /** The work orders behind a KPI (its denominator), at most the configured limit + 1. */
  public List<KpiOrder> orders(Kpi kpi, KpiPeriod period, String region, int limit) {
    KpiFacts.Sql facts = KpiFacts.of(kpi, period.start(), period.end(), WorkOrderRepository.now(),
        kpi == Kpi.satisfactionRate ? weights.weights(kpi) : List.of(), dayOffsetSeconds(period));
    Map<String, Object> params = new LinkedHashMap<>(facts.params());
    params.put("region", region);
    params.put("limit", limit);
    return jdbc.query("SELECT w.order_no, w.order_type, w.category, w.channel, w.region, w.received_at,"
            + " w.closed_at, w.process_instance_id, " + facts.numerator() + " AS contribution"
            + " FROM sl_work_order w WHERE " + facts.where() + (region == null ? "" : KpiFacts.IN_REGION)
            + " ORDER BY w.id LIMIT :limit", params,
        (rs, i) -> new KpiOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)),
            instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), number(rs.getObject(9))));
  }

  /** numerator and denominator of every KPI per group key (one statement); missing groups mean no facts. */
  private Map<String, List<KpiResult>> compute(KpiPeriod period, String region, KpiGrouping grouping,
      List<KpiWeight> satisfactionWeights, Instant now, boolean useSummary) {
    String groupExpr = grouping == null ? null : "COALESCE(" + grouping.column() + ", '" + UNKNOWN_GROUP + "')";
    int dayOffset = dayOffsetSeconds(period);
    List<KpiPeriod> parts = period.byMonth();
    // the leading whole past months from the summary (KpiSummary), the rest of the period from one statement
    int summarised = 0;
    while (useSummary && summarised < parts.size() && summary.answers(parts.get(summarised), now)) {
      summarised++;
    }
    KpiFacts.Sums sums;
    Map<String, Map<Kpi, Set<String>>> countedBySummary = Map.of();
    KpiPeriod rest = summarised == parts.size() ? null
        : new KpiPeriod(parts.get(summarised).from(), period.to(), zone);
    if (summarised == 0) {
      sums = sums(List.of(period.start(), period.end()), groupExpr, region, now, satisfactionWeights, dayOffset);
    } else {
      summary.refresh(parts.subList(0, summarised), now, satisfactionWeights, dayOffset);
      sums = new KpiFacts.Sums(1, satisfactionWeights, dayOffset);
      Map<String, Integer> bucket = new LinkedHashMap<>();
      parts.subList(0, summarised).forEach(m -> bucket.put(m.firstMonth().toString(), 0));
      countedBySummary = summary.read(bucket, grouping == null ? null : grouping.name(), region,
          KpiSummary.day(period.end(), dayOffset), sums);
      if (rest != null) {
        sums.merge(sums(List.of(rest.start(), rest.end()), groupExpr, region, now, satisfactionWeights, dayOffset), 0);
      }
    }
    TreeSet<String> keys = new TreeSet<>(sums.kpis.keySet());
    List<String> months = parts.stream().map(m -> m.firstMonth().toString()).toList();
    Map<String, Map<String, BigDecimal>> customerBase = customerBase(period, region);
    if (grouping == null) {
      keys.add(NO_GROUP);
    } else if (grouping == KpiGrouping.region) {
      keys.addAll(customerBase.keySet());
    }
    // per KPI per customers: the base of the report (every grouping but region)
    Map<Kpi, Base> overall = new EnumMap<>(Kpi.class);
    if (grouping != KpiGrouping.region) {
      Map<String, Map<Kpi, Set<String>>> fromSummary = countedBySummary;
      KpiFacts.perCustomers().forEach(kpi -> {
        // a month's counted regions come with the sums; a longer period's by month from the summary's rows for its
        // months and a statement of their own for the rest
        Map<String, Set<String>> counted = new TreeMap<>();
        if (months.size() == 1) {
          sums.regions(0, kpi).forEach(r -> counted.put(r, Set.of(months.get(0))));
        } else {
          fromSummary.forEach((month, byKpi) -> byKpi.getOrDefault(kpi, Set.of())
              .forEach(r -> counted.computeIfAbsent(r, x -> new TreeSet<>()).add(month)));
          if (rest != null) {
            countedRegions(kpi, rest, region)
                .forEach((r, in) -> counted.computeIfAbsent(r, x -> new TreeSet<>()).addAll(in));
          }
        }
        overall.put(kpi, Base.of(months, customerBase, counted, region));
      });
    }
    Map<String, List<KpiResult>> out = new TreeMap<>();
    for (String key : keys) {
      Map<Kpi, BigDecimal[]> group = sums.of(key, 0);
      // a region's own base; "(none)" (orders without a region) has none
      Map<Kpi, Base> bases = overall;
      if (grouping == KpiGrouping.region) {
        Base own = Base.of(months, customerBase.containsKey(key) ? Map.of(key, customerBase.get(key)) : Map.of(),
            Map.of(), key);
        bases = new EnumMap<>(Kpi.class);
        for (Kpi kpi : KpiFacts.perCustomers()) {
          bases.put(kpi, own);
        }
      }
      out.put(key, results(group, bases));
    }
    return out;
  }

  /** Broadband customers of the months the period touches (and its region): region → month → customers. */
  private Map<String, Map<String, BigDecimal>> customerBase(KpiPeriod period, String region) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("firstMonth", period.firstMonth().toString());
    params.put("lastMonth", period.lastMonth().toString());
    params.put("region", region);
    Map<String, Map<String, BigDecimal>> base = new TreeMap<>();
    jdbc.query("SELECT b.region, b.base_month, b.broadband_customers FROM sl_customer_base b"
        + " WHERE b.base_month >= :firstMonth AND b.base_month <= :lastMonth"
        + (region == null ? "" : " AND b.region = :region"), params, rs -> {
      base.computeIfAbsent(rs.getString(1), r -> new TreeMap<>()).put(rs.getString(2).trim(), number(rs.getObject(3)));
    });
    return base;
  }

  /**
   * The regions a KPI per customers counts orders of in the period (broadband complaints, REGULATOR referrals
   * received): region → the months ("2026-11") they came in.
   */
  private Map<String, Set<String>> countedRegions(Kpi kpi, KpiPeriod period, String region) {
    List<KpiPeriod> months = period.byMonth();
    List<Instant> bounds = new ArrayList<>();
    months.forEach(m -> bounds.add(m.start()));
    bounds.add(period.end());
    KpiFacts.Query sql = KpiFacts.countedRegions(kpi, bounds, region);
    Map<String, Set<String>> out = new TreeMap<>();
    jdbc.query(sql.sql(), sql.params(), rs -> {
      out.computeIfAbsent(rs.getString(2), r -> new TreeSet<>()).add(months.get(rs.getInt(1)).firstMonth().toString());
    });
    return out;
  }

  /**
   * The customer base behind a KPI per customers (complaintsPer10k, appealsPerMillion): the customers of every
   * month and region it counts, or the months that miss some. A month misses its base when no region has one for
   * it, or when a region counted lacks it: the region asked for; else every region with orders the KPI counts
   * (broadband complaints, REGULATOR referrals) in that month or with a base in any month of the period (orders
   * without a region, "(none)", never have one). Never a figure divided by another region's or month's customers.
   */
  record Base(BigDecimal customers, List<String> missingMonths) {

    static Base of(List<String> months, Map<String, Map<String, BigDecimal>> base,
        Map<String, Set<String>> complaintMonths, String region) {
      List<String> missing = new ArrayList<>();
      BigDecimal customers = BigDecimal.ZERO;
      for (String month : months) {
        Set<String> counted = new TreeSet<>();
        if (region != null) {
          counted.add(region);
        } else {
          counted.addAll(base.keySet());
          complaintMonths.forEach((r, in) -> {
            if (in.contains(month)) {
              counted.add(r);
            }
          });
        }
        boolean complete = !counted.isEmpty();
        for (String r : counted) {
          BigDecimal c = base.getOrDefault(r, Map.of()).get(month);
          if (c == null) {
            complete = false;
          } else {
            customers = customers.add(c);
          }
        }
        if (!complete) {
          missing.add(month);
        }
      }
      return new Base(missing.isEmpty() ? customers : null, List.copyOf(missing));
    }
  }

  /** The results of one group from its (numerator, count) per KPI and the customer base of each KPI per customers. */
  private List<KpiResult> results(Map<Kpi, BigDecimal[]> group, Map<Kpi, Base> customerBases) {
    List<KpiResult> results = new ArrayList<>();
    for (Kpi kpi : Kpi.values()) {
      BigDecimal[] row = group.get(kpi);
      BigDecimal numerator = row == null || row[0] == null ? BigDecimal.ZERO : row[0];
      BigDecimal count = row == null || row[1] == null ? BigDecimal.ZERO : row[1];
      Base customerBase = customerBases.get(kpi);
      if (kpi.unit().perCustomers() != null) {
        results.add(withMissing(rate(kpi, numerator, customerBase.customers(), kpi.unit().perCustomers()),
            customerBase.missingMonths()));
        continue;
      }
      results.add(switch (kpi) {
        case satisfactionRate -> rate(kpi, count.subtract(numerator), count, BigDecimal.ONE);
        case remediesDue -> result(kpi, normal(numerator), normal(numerator), null, false);
        default -> rate(kpi, numerator, count, BigDecimal.ONE);
      });
    }
    return results;
  }

  private static KpiResult withMissing(KpiResult r, List<String> missingBaseMonths) {
    return new KpiResult(r.id(), r.name(), r.unit(), r.value(), r.numerator(), r.denominator(), r.target(),
        r.targetOperator(), r.met(), r.noDenominator(), r.basis(), missingBaseMonths);
  }

  private KpiResult rate(Kpi kpi, BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
    if (denominator == null || denominator.signum() == 0) {
      return result(kpi, null, normal(numerator), denominator == null ? null : normal(denominator), true);
    }
    BigDecimal value = numerator.multiply(factor).divide(denominator, SCALE, RoundingMode.HALF_UP);
    return result(kpi, normal(value), normal(numerator), normal(denominator), false);
  }

  private KpiResult result(Kpi kpi, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
      boolean noDenominator) {
    KpiTarget target = properties.target(kpi).orElse(null);
    Boolean met = target == null || value == null ? null : target.metBy(value);
    return new KpiResult(kpi.id(), kpi.label(), kpi.unit(), value, numerator, denominator,
        target == null ? null : target.value(), target == null ? null : target.operator(), met, noDenominator,
        kpi.basis(), List.of());
  }

  /** 0.750000 → 0.75, 10000 stays 10000 (not 1E+4). */
  static BigDecimal normal(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal number(Object value) {
    return value == null ? null : normal(new BigDecimal(value.toString()));
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
