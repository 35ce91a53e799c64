package com.serviceloop.kpi;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import com.serviceloop.workorder.WorkOrderRepository;
import java.util.EnumMap;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Inserts KPI facts (sl_work_order rows) directly, for one test region. Times read "2026-11-03T10:00+08:00". */
public final class TestFacts {

  private static final AtomicLong SEQ = new AtomicLong();
  private final JdbcTemplate jdbc;
  private final String region;

  public TestFacts(JdbcTemplate jdbc, String region) {
    this.jdbc = jdbc;
    this.region = region;
  }

  /** Removes this region's facts and customer base (the database is shared by all tests). */
  public void clear() {
    jdbc.update("DELETE FROM sl_breach WHERE work_order_id IN (SELECT id FROM sl_work_order WHERE region = ?)", region);
    jdbc.update("DELETE FROM sl_return_visit WHERE order_no IN (SELECT order_no FROM sl_work_order WHERE region = ?)",
        region);
    jdbc.update("DELETE FROM sl_work_order WHERE region = ?", region);
    jdbc.update("DELETE FROM sl_customer_base WHERE region = ?", region);
    forgetSummary(jdbc);
  }

  /**
   * Drops the KPI month summary (KpiSummary): facts written here directly, not through WorkOrderRepository, mark
   * no month stale, so whatever summary an earlier test left is rebuilt from them at the next report.
   */
  public static void forgetSummary(JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM sl_kpi_month_sums");
    jdbc.update("DELETE FROM sl_kpi_stale");
    jdbc.update("DELETE FROM sl_kpi_month");
  }

  public void customerBase(String month, long customers) {
    jdbc.update("INSERT INTO sl_customer_base (region, base_month, broadband_customers, updated_at) VALUES (?, ?, ?, ?)",
        region, month, customers, OffsetDateTime.parse("2026-11-01T00:00+08:00"));
  }

  public Fact complaint(String category) {
    return new Fact("COMPLAINT").set("category", category);
  }

  /** A REGULATOR referral (申诉, MIIT Order 35): a complaint through channel REGULATOR with the regulator's reference. */
  Fact referral(String category) {
    return complaint(category).channel("REGULATOR").set("regulator_reference", "MIIT-" + SEQ.incrementAndGet());
  }

  Fact installation() {
    return new Fact("INSTALLATION").set("category", "BROADBAND");
  }

  Fact faultRepair() {
    return new Fact("FAULT_REPAIR").set("category", "BROADBAND");
  }

  /**
   * The repeat-complaint flags of this region's complaints as the 30-day rule of V20_1 backfills them (the
   * statement of the migration itself, limited to this region): a complaint of the same phone received in the
   * 30 days before, at an earlier instant. Returns the rows it set.
   */
  int backfillRepeatFlags() {
    int rows = jdbc.update(repeatBackfill() + " AND w.region = ?", region);
    forgetSummary(jdbc);
    return rows;
  }

  /** V20_1's UPDATE that flags the complaints before it (its WHERE clause ends with the order type). */
  static String repeatBackfill() {
    String migration;
    try {
      migration = new org.springframework.core.io.ClassPathResource("db/migration/V20_1__repeat_complaint_flag.sql")
          .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int start = migration.indexOf("UPDATE sl_work_order");
    return migration.substring(start, migration.indexOf(';', start));
  }

  static OffsetDateTime at(String text) {
    return OffsetDateTime.parse(text);
  }

  public final class Fact {
    private final Map<String, Object> columns = new LinkedHashMap<>();

    Fact(String type) {
      long n = SEQ.incrementAndGet();
      columns.put("order_no", "KPT-" + Math.abs(region.hashCode() % 10000) + "-" + n);
      columns.put("order_type", type);
      columns.put("status", "OPEN");
      columns.put("region", region);
      columns.put("channel", "HOTLINE");
      columns.put("customer_phone", String.format("139%08d", n));
      columns.put("received_at", at("2026-11-10T10:00+08:00"));
    }

    public Fact set(String column, Object value) {
      columns.put(column, value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? at(s) : value);
      return this;
    }

    Fact phone(String phone) {
      return set("customer_phone", phone);
    }

    Fact channel(String channel) {
      return set("channel", channel);
    }

    public Fact received(String at) {
      return set("received_at", at);
    }

    public Fact closed(String at, boolean onTime) {
      // a case closed in its first round: the round's flag is also the first round's (first_closure_on_time)
      return set("closed_at", at).set("closure_on_time", onTime).set("first_closure_on_time", onTime)
          .set("status", "CLOSED");
    }

    Fact surveyed(String at, String satisfaction) {
      // the first round's answer (the one satisfactionRate counts) and the latest
      return set("surveyed_at", at).set("satisfaction", satisfaction).set("first_surveyed_at", at)
          .set("first_satisfaction", satisfaction);
    }

    /** The first round's closure deadline (first_closure_due), the one timely handling judges by. */
    Fact firstClosureDue(String due) {
      return set("first_closure_due", due);
    }

    Fact completed(String at, boolean onTime) {
      return set("completed_at", at).set("completion_on_time", onTime);
    }

    Fact firstContactDue(String due) {
      return set("first_contact_due", due);
    }

    Fact firstContact(String at, boolean onTime) {
      return set("first_contact_at", at).set("first_contact_on_time", onTime);
    }

    /** The deadline the regulator set for the report back (regulator_reply_due). */
    Fact regulatorReplyDue(String due) {
      return set("regulator_reply_due", due);
    }

    /** Reported back to the regulator (regulator_reported_at), on time or not (regulator_reply_on_time). */
    Fact reportedToRegulator(String at, boolean onTime) {
      return set("regulator_reported_at", at).set("regulator_reply_on_time", onTime);
    }

    /** The repeat-complaint flag complaint-handling stores at intake (repeat_complaint; not set: not checked). */
    Fact repeat(boolean repeat) {
      return set("repeat_complaint", repeat);
    }

    Fact remedies(String compensation, String remedy) {
      return set("compensation_amount", compensation == null ? null : new BigDecimal(compensation))
          .set("remedy_amount", remedy == null ? null : new BigDecimal(remedy));
    }

    /** Inserts the row; returns its order number. */
    public String insert() {
      OffsetDateTime now = at("2026-11-01T00:00+08:00");
      columns.putIfAbsent("created_at", now);
      columns.putIfAbsent("updated_at", now);
      String names = String.join(", ", columns.keySet());
      String marks = String.join(", ", columns.keySet().stream().map(c -> "?").toList());
      jdbc.update("INSERT INTO sl_work_order (" + names + ") VALUES (" + marks + ")", columns.values().toArray());
      forgetSummary(jdbc);
      return (String) columns.get("order_no");
    }
  }

  /**
   * Each KPI's (SUM(numerator), COUNT(*)) in the period, one statement per KPI from the definitions KpiService.orders
   * lists (KpiFacts.of): the way the reports were computed before they became one statement (issue 12).
   */
  static Map<Kpi, BigDecimal[]> perKpi(NamedParameterJdbcTemplate jdbc, KpiService kpis, KpiWeightSource weights,
      KpiPeriod period, String region) {
    Map<Kpi, BigDecimal[]> out = new EnumMap<>(Kpi.class);
    List<KpiWeight> satisfactionWeights = weights.weights(Kpi.satisfactionRate);
    for (Kpi kpi : Kpi.values()) {
      KpiFacts.Sql facts = KpiFacts.of(kpi, period.start(), period.end(), WorkOrderRepository.now(),
          satisfactionWeights, kpis.dayOffsetSeconds(period));
      Map<String, Object> params = new LinkedHashMap<>(facts.params());
      params.put("region", region);
      out.put(kpi, jdbc.query("SELECT SUM(" + facts.numerator() + "), COUNT(*) FROM sl_work_order w WHERE "
          + facts.where() + (region == null ? "" : KpiFacts.IN_REGION), params, (rs, i) -> new BigDecimal[] {
              rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1), rs.getBigDecimal(2)}).get(0));
    }
    return out;
  }

  /**
   * The KPIs of the report whose numerator and denominator differ from the per-KPI statements ({@link #perKpi}),
   * described; empty when all agree. A KPI per customers compares its numerator (the base is not a fact).
   */
  static List<String> differencesFromPerKpi(NamedParameterJdbcTemplate jdbc, KpiService kpis, KpiWeightSource weights,
      KpiPeriod period, String region) {
    Map<Kpi, BigDecimal[]> expected = perKpi(jdbc, kpis, weights, period, region);
    List<String> differences = new java.util.ArrayList<>();
    for (KpiResult r : kpis.report(period, region)) {
      Kpi kpi = Kpi.valueOf(r.id());
      BigDecimal[] e = expected.get(kpi);
      // satisfactionRate reports the satisfied (count - weighted unsatisfied); a KPI per customers counts orders
      BigDecimal numerator = kpi == Kpi.satisfactionRate ? e[1].subtract(e[0])
          : kpi.unit().perCustomers() != null ? e[1] : e[0];
      boolean same = same(r.numerator(), numerator)
          && (kpi.unit().perCustomers() != null || kpi == Kpi.remediesDue || same(r.denominator(), e[1]));
      if (!same) {
        differences.add(period.from() + " " + kpi + ": report " + r.numerator() + "/" + r.denominator()
            + ", per-KPI statement " + e[0] + "/" + e[1]);
      }
    }
    return differences;
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
