package com.serviceloop.kpi;

import static com.serviceloop.common.SqlTimestamps.ts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI month summary (sl_kpi_month, sl_kpi_month_sums; docs/kpi.md "The month summary"): for a month wholly in
 * the past, what {@link KpiFacts#facts} gives for that month, per region, channel, category and part, so that a
 * report over past months adds up a few hundred rows instead of every order of the span. Freshness is decided in
 * the database only: a month is used when its row has today's signature (statement and weights), was computed at
 * or before now and has no row in sl_kpi_stale (work-order writes insert those, workorder.KpiMonthMarks); else it
 * is rebuilt first, under its row's lock, so that two nodes rebuilding one month write the same rows one after the
 * other.
 */
final class KpiSummary {

  /**
   * A month is summarised only this long after its end: a write whose engine clock was still in the month when it
   * ran (so it marked nothing) has committed by then — an engine transaction lasts seconds.
   */
  static final Duration GRACE = Duration.ofHours(1);

  /** Runs a facts statement with the database's settings for it (KpiService: no JIT etc. on PostgreSQL). */
  interface Runner {
    void run(KpiFacts.Query query, boolean onePeriod, org.springframework.jdbc.core.RowCallbackHandler rows);
  }

  private static final String SEP = "|";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final TransactionTemplate ownTransaction;
  private final Runner runner;

  KpiSummary(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Runner runner) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
    this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.runner = runner;
  }

  /** Whether a part of a period (KpiPeriod.byMonth) is a whole month that the summary answers at now. */
  boolean answers(KpiPeriod part, Instant now) {
    return part.from().getDayOfMonth() == 1 && part.to().equals(part.from().plusMonths(1))
        && !part.end().plus(GRACE).isAfter(now);
  }

  /** The Beijing day number of an instant (KpiFacts.day's). */
  static long day(Instant t, int dayOffsetSeconds) {
    return Math.floorDiv(t.getEpochSecond() + dayOffsetSeconds, 86400);
  }

  /**
   * Rebuilds those of the months (whole, past) whose summary is missing, stale, of other definitions or ahead of now;
   * how many this call rebuilt.
   */
  int refresh(List<KpiPeriod> months, Instant now, List<KpiWeight> weights, int dayOffset) {
    String signature = signature(weights, dayOffset);
    Map<String, Object> params = Map.of("months", months.stream().map(m -> m.firstMonth().toString()).toList());
    Set<String> fresh = new TreeSet<>();
    jdbc.query("SELECT m.kpi_month, m.signature, m.computed_at, CASE WHEN EXISTS (SELECT 1 FROM sl_kpi_stale t"
        + " WHERE t.kpi_month = m.kpi_month) THEN 1 ELSE 0 END FROM sl_kpi_month m WHERE m.kpi_month IN (:months)",
        params, rs -> {
          if (isFresh(rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4) == 1, signature, now)) {
            fresh.add(rs.getString(1).trim());
          }
        });
    int rebuilt = 0;
    for (KpiPeriod month : months) {
      if (!fresh.contains(month.firstMonth().toString()) && rebuild(month, now, weights, dayOffset, signature)) {
        rebuilt++;
      }
    }
    return rebuilt;
  }

  private static boolean isFresh(String signature, OffsetDateTime computedAt, boolean stale, String expected,
      Instant now) {
    return !stale && expected.equals(signature) && computedAt != null && !computedAt.toInstant().isAfter(now);
  }

  /**
   * One month computed again: its row locked (inserted first when missing, in a transaction of its own so that a
   * node losing the race only retries the lock), the stale marks read, the month's facts computed, its sums
   * replaced and exactly the marks read deleted — a mark written meanwhile stays and the month is rebuilt again.
   */
  private boolean rebuild(KpiPeriod month, Instant now, List<KpiWeight> weights, int dayOffset, String signature) {
    String key = month.firstMonth().toString();
    try {
      ownTransaction.executeWithoutResult(s -> {
        Map<String, Object> m = Map.of("month", key, "start", ts(month.start()), "end", ts(month.end()));
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM sl_kpi_month WHERE kpi_month = :month", m,
            Integer.class);
        if (rows == null || rows == 0) {
          jdbc.update("INSERT INTO sl_kpi_month (kpi_month, month_start, month_end, signature)"
              + " VALUES (:month, :start, :end, '')", m);
        }
      });
    } catch (DuplicateKeyException raced) {
      // another node inserted it: its lock below waits for that node's rebuild
    }
    return Boolean.TRUE.equals(transaction.execute(status -> {
      Map<String, Object> m = Map.of("month", key);
      Object[] row = jdbc.queryForObject("SELECT signature, computed_at FROM sl_kpi_month WHERE kpi_month = :month"
          + " FOR UPDATE", m, (rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)});
      List<Long> marks = jdbc.queryForList("SELECT id FROM sl_kpi_stale WHERE kpi_month = :month", m, Long.class);
      if (isFresh((String) row[0], (OffsetDateTime) row[1], !marks.isEmpty(), signature, now)) {
        return false; // another node rebuilt it while this one waited
      }
      List<Object[]> sums = compute(month, now, weights, dayOffset);
      jdbc.update("DELETE FROM sl_kpi_month_sums WHERE kpi_month = :month", m);
      jdbc.getJdbcTemplate().batchUpdate("INSERT INTO sl_kpi_month_sums (kpi_month, region, channel, category, part,"
          + " done_day, numerator, denominator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sums);
      for (int i = 0; i < marks.size(); i += 1000) {
        jdbc.update("DELETE FROM sl_kpi_stale WHERE id IN (:ids)",
            Map.of("ids", marks.subList(i, Math.min(marks.size(), i + 1000))));
      }
      jdbc.update("UPDATE sl_kpi_month SET signature = :signature, computed_at = :now WHERE kpi_month = :month",
          Map.of("signature", signature, "now", ts(now), "month", key));
      return true;
    }));
  }

  /**
   * The month's facts statement grouped also by channel, category and, for each KPI judged at a deadline, the day
   * its order was done when after the month: rows (month, region, channel, category, part, done_day, n, d).
   */
  private List<Object[]> compute(KpiPeriod month, Instant now, List<KpiWeight> weights, int dayOffset) {
    KpiFacts.Query sql = KpiFacts.facts(List.of(month.start(), month.end()), groupExpr(dayOffset), null, now, weights,
        dayOffset);
    KpiFacts.Sums decode = new KpiFacts.Sums(1, weights, dayOffset);
    List<KpiFacts.Part> parts = decode.partList();
    List<Kpi> deadlines = deadlineKpis();
    // per part: the index of its done-day in the group key, for the missed part of a KPI judged at a deadline
    int[] doneDim = new int[parts.size()];
    for (int p = 0; p < parts.size(); p++) {
      KpiFacts.Deadline d = KpiFacts.deadline(parts.get(p).kpi());
      doneDim[p] = d != null && parts.get(p).milestone().equals(d.due()) ? deadlines.indexOf(parts.get(p).kpi()) : -1;
    }
    Map<List<Object>, BigDecimal[]> out = new LinkedHashMap<>();
    runner.run(sql, true, rs -> {
      String[] g = rs.getString(1).split("\\" + SEP, -1);
      String region = rs.getString(2);
      long k = rs.getLong(3);
      for (int p = 0; p < parts.size(); p++) {
        BigDecimal count = number(rs.getObject(5 + 2 * p));
        if (decode.bucket(k, p) != 0 || count == null || count.signum() == 0) {
          continue;
        }
        Integer doneDay = doneDim[p] < 0 || g[2 + doneDim[p]].isEmpty() ? null : Integer.valueOf(g[2 + doneDim[p]]);
        BigDecimal[] pair = out.computeIfAbsent(List.of(region, g[0], g[1], p, doneDay == null ? "" : doneDay),
            x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal n = number(rs.getObject(4 + 2 * p));
        pair[0] = n == null ? pair[0] : pair[0].add(n);
        pair[1] = pair[1].add(count);
      }
    });
    List<Object[]> rows = new ArrayList<>();
    String key = month.firstMonth().toString();
    out.forEach((dims, pair) -> rows.add(new Object[] {key, dims.get(0), dims.get(1), dims.get(2), dims.get(3),
        "".equals(dims.get(4)) ? null : dims.get(4), pair[0], pair[1].longValueExact()}));
    return rows;
  }

  private static List<Kpi> deadlineKpis() {
    return java.util.Arrays.stream(Kpi.values()).filter(k -> KpiFacts.deadline(k) != null).toList();
  }

  /** channel|category|done day of each KPI judged at a deadline when done after the month ('' otherwise). */
  private static String groupExpr(int dayOffset) {
    StringBuilder g = new StringBuilder("COALESCE(w.channel, '" + KpiService.UNKNOWN_GROUP + "') || '" + SEP
        + "' || COALESCE(w.category, '" + KpiService.UNKNOWN_GROUP + "')");
    for (Kpi kpi : deadlineKpis()) {
      String done = KpiFacts.deadline(kpi).doneAt();
      g.append(" || '" + SEP + "' || CASE WHEN ").append(done).append(" >= :to THEN CAST(CAST(")
          .append(KpiFacts.day(done, dayOffset)).append(" AS BIGINT) AS VARCHAR(20)) ELSE '' END");
    }
    return g.toString();
  }

  /** What computed a month: the statement's text and the values it computes with, but the month's bounds and now. */
  static String signature(List<KpiWeight> weights, int dayOffset) {
    Instant t = Instant.EPOCH;
    KpiFacts.Query q = KpiFacts.facts(List.of(t, t.plusSeconds(1)), groupExpr(dayOffset), null, t, weights, dayOffset);
    Map<String, Object> values = new TreeMap<>(q.params());
    values.keySet().removeAll(Set.of("from", "to", "now"));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((q.sql() + values).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds the summarised months' sums to sums: each month (key "2026-11") at its bucket, grouped by a column of the
   * summary (region, channel, category) or not (null), of one region or all. endDay: for a report over several
   * months (one bucket), the Beijing day number of its end — a deadline missed in a month but met before the
   * report's end is not a miss of the report (null for the trend: each month ends its own bucket). Returns per month
   * the regions each KPI per customers counts orders of.
   */
  Map<String, Map<Kpi, Set<String>>> read(Map<String, Integer> bucketOfMonth, String groupColumn, String region,
      Long endDay, KpiFacts.Sums sums) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("months", List.copyOf(bucketOfMonth.keySet()));
    String grp = groupColumn == null ? "" : "s." + groupColumn + ", ";
    StringBuilder sql = new StringBuilder("SELECT s.kpi_month, " + grp + "s.region, s.part, SUM(s.numerator),"
        + " SUM(s.denominator) FROM sl_kpi_month_sums s WHERE s.kpi_month IN (:months)");
    if (region != null) {
      sql.append(" AND s.region = :region");
      params.put("region", region);
    }
    if (endDay != null) {
      sql.append(" AND (s.done_day IS NULL OR s.done_day >= :endDay)");
      params.put("endDay", endDay);
    }
    sql.append(" GROUP BY s.kpi_month, ").append(grp).append("s.region, s.part");
    List<KpiFacts.Part> parts = sums.partList();
    Map<String, Map<Kpi, Set<String>>> counted = new TreeMap<>();
    jdbc.query(sql.toString(), params, rs -> {
      int c = 1;
      String month = rs.getString(c++).trim();
      String group = groupColumn == null ? KpiService.NO_GROUP : rs.getString(c++);
      String r = rs.getString(c++);
      int p = rs.getInt(c++);
      BigDecimal n = number(rs.getObject(c++));
      BigDecimal d = number(rs.getObject(c));
      sums.addPart(group, r, bucketOfMonth.get(month), p, n, d);
      Kpi kpi = parts.get(p).kpi();
      if (kpi.unit().perCustomers() != null && d != null && d.signum() > 0) {
        counted.computeIfAbsent(month, x -> new EnumMap<>(Kpi.class)).computeIfAbsent(kpi, x -> new TreeSet<>()).add(r);
      }
    });
    return counted;
  }

  private static BigDecimal number(Object value) {
    return value == null ? null : KpiService.normal(new BigDecimal(value.toString()));
  }
}
