package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.KpiMonthMarks;
import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI month summary (KpiSummary) through the real writes (WorkOrderRepository): a late write to an order of a
 * past month — an escalation, a closure, a survey, a first contact recorded in a later month — changes that month's
 * report at once, and every report equals the one computed from the orders alone; an order of the current month
 * marks nothing.
 */
@ServiceLoopTest
class KpiSummaryTest {

  static final String REGION = "KPI测试区-summary";
  static final KpiPeriod NOVEMBER = KpiPeriod.month(YearMonth.of(2026, 11), KpiTrendTest.SHANGHAI);
  static final KpiPeriod YEAR = new KpiPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"),
      KpiTrendTest.SHANGHAI);

  @Autowired JdbcTemplate jdbc;
  @Autowired KpiService kpis;
  @Autowired WorkOrderRepository orders;
  TestFacts facts;

  @BeforeEach
  void setUp() {
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
    clock("2026-12-20T09:00+08:00");
  }

  @AfterEach
  void tearDown() {
    facts.clear();
    ClockUtil.reset();
  }

  @Test
  void lateWritesToAnOrderOfAPastMonthChangeItsReportAtOnce() {
    String order = create("2026-11-10T10:00+08:00");
    orders.setServiceLevel(order, 3, at("2026-11-30T23:00+08:00"), "NATURAL", null, at("2026-11-20T10:00+08:00"),
        null);
    assertSame();
    assertThat(summarised()).contains("2026-11");
    assertThat(kpi(NOVEMBER, "escalationRate").numerator()).isEqualByComparingTo("0");

    orders.raiseEscalationLevel(order, 1);
    assertThat(kpi(NOVEMBER, "escalationRate").numerator()).isEqualByComparingTo("1");
    assertSame();

    // closed late in November, recorded in December: a miss of November's first-round deadline
    assertThat(kpi(NOVEMBER, "timelyHandlingRate").denominator()).isEqualByComparingTo("1");
    orders.recordClosure(order, "CLOSED", at("2026-11-28T10:00+08:00"));
    assertThat(kpi(NOVEMBER, "reprocessingRate").denominator()).isEqualByComparingTo("1");
    assertSame();

    // the return visit of November recorded in December
    orders.recordSatisfaction(order, "UNSATISFIED", at("2026-11-29T10:00+08:00"));
    assertThat(kpi(NOVEMBER, "satisfactionRate").denominator()).isEqualByComparingTo("1");
    assertSame();

    // first contact due on 30 November, made on 2 December: a miss of November, and in the year made in time
    // of the year's end, so counted once, as made in December
    assertThat(kpi(NOVEMBER, "firstContactInTime").denominator()).isEqualByComparingTo("1");
    orders.recordFirstContact(order, at("2026-12-02T10:00+08:00"));
    assertThat(kpi(NOVEMBER, "firstContactInTime").denominator()).isEqualByComparingTo("1");
    assertThat(kpi(YEAR, "firstContactInTime").denominator()).isEqualByComparingTo("1");
    assertThat(kpi(YEAR, "firstContactInTime").numerator()).isEqualByComparingTo("0");
    assertSame();
  }

  @Test
  void anOrderOfTheCurrentMonthMarksNothingAndAnOrderReceivedInAPastMonthDoes() {
    kpis.report(NOVEMBER, REGION);
    int before = stale();
    String december = create("2026-12-19T10:00+08:00");
    orders.raiseEscalationLevel(december, 1);
    orders.recordClosure(december, "CLOSED", at("2026-12-20T09:00+08:00"));
    assertThat(stale()).isEqualTo(before);

    // received on 30 November, registered on 20 December
    create("2026-11-30T23:50+08:00");
    assertThat(stale()).isEqualTo(before + 1);
    assertThat(kpi(NOVEMBER, "escalationRate").denominator()).isEqualByComparingTo("1");
    assertThat(stale()).isZero();
    assertSame();
  }

  @Test
  void aWriteWithTheClockSetBackIntoASummarisedMonthMarksIt() {
    assertThat(kpi(NOVEMBER, "escalationRate").denominator()).isEqualByComparingTo("0");
    assertThat(summarised()).contains("2026-11");
    clock("2026-11-15T10:00+08:00");
    String order = create("2026-11-15T10:00+08:00");
    orders.raiseEscalationLevel(order, 2);
    clock("2026-12-20T09:00+08:00");
    assertThat(kpi(NOVEMBER, "escalationRate").numerator()).isEqualByComparingTo("1");
    assertSame();
  }

  /** A write that sets times in two past months (closed 5 November, judged by a promise of 10 October) marks both. */
  @Test
  void aWriteSettingTimesInTwoPastMonthsMarksBoth() {
    String order = create("2026-10-01T10:00+08:00");
    assertThat(kpi(NOVEMBER, "reprocessingRate").denominator()).isEqualByComparingTo("0");
    orders.recordClosureJudgedByCompletion(order, "CLOSED", at("2026-11-05T10:00+08:00"), at("2026-10-10T10:00+08:00"));
    assertThat(kpi(NOVEMBER, "reprocessingRate").denominator()).isEqualByComparingTo("1");
    assertSame();
  }

  /** The background refresher (KpiSummaryRefresher) rebuilds what a late write marked, before any read does. */
  @Test
  void theRefresherRebuildsAMarkedMonthSoThatTheNextReadWritesNothing() {
    String order = create("2026-11-10T10:00+08:00");
    kpis.refreshSummary(12);
    assertThat(summarised()).contains("2025-12", "2026-06", "2026-11").doesNotContain("2026-12"); // not yet over
    assertThat(kpis.refreshSummary(12)).isZero(); // nothing written since

    orders.raiseEscalationLevel(order, 1);
    assertThat(stale()).isPositive();
    assertThat(kpis.refreshSummary(12)).isEqualTo(1);
    assertThat(stale()).isZero();

    Object computedAt = computedAt("2026-11");
    clock("2026-12-20T09:05+08:00"); // a rebuild at the read would stamp this time
    assertThat(kpi(NOVEMBER, "escalationRate").numerator()).isEqualByComparingTo("1");
    assertThat(computedAt("2026-11")).isEqualTo(computedAt); // the read used the summary as the refresher left it
    assertSame();
  }

  @Test
  void theMarksKnowEveryMilestoneTheKpisCount() {
    List<String> counted = KpiFacts.milestones(KpiFacts.parts(List.of(), 28800, 1)).stream()
        .map(m -> m.substring("w.".length())).toList();
    assertThat(KpiMonthMarks.MILESTONES).containsExactlyInAnyOrderElementsOf(counted);
  }

  /** November, the year and its breakdowns: the summary's figures are the orders' figures. */
  void assertSame() {
    for (KpiPeriod period : List.of(NOVEMBER, YEAR)) {
      assertThat(kpis.report(period, REGION)).isEqualTo(kpis.report(period, REGION, false));
      assertThat(kpis.breakdown(period, REGION, KpiGrouping.month))
          .isEqualTo(kpis.breakdown(period, REGION, KpiGrouping.month, false));
      for (KpiGrouping g : List.of(KpiGrouping.region, KpiGrouping.channel, KpiGrouping.category)) {
        assertThat(kpis.breakdown(period, REGION, g)).isEqualTo(kpis.breakdown(period, REGION, g, false));
      }
    }
  }

  String create(String receivedAt) {
    return orders.create(new NewWorkOrder(OrderType.COMPLAINT, "OPEN", null, "HOTLINE", "BROADBAND", REGION, null,
        null, null, "13900000000", null, "summary test", null, null, at(receivedAt)));
  }

  KpiResult kpi(KpiPeriod period, String id) {
    return kpis.report(period, REGION).stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  List<String> summarised() {
    return jdbc.queryForList("SELECT kpi_month FROM sl_kpi_month WHERE computed_at IS NOT NULL", String.class)
        .stream().map(String::trim).toList();
  }

  Object computedAt(String month) {
    return jdbc.queryForObject("SELECT computed_at FROM sl_kpi_month WHERE kpi_month = ?", Object.class, month);
  }

  int stale() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM sl_kpi_stale", Integer.class);
  }

  static Instant at(String t) {
    return OffsetDateTime.parse(t).toInstant();
  }

  static void clock(String t) {
    ClockUtil.setCurrentTime(Date.from(at(t)));
  }

  static BigDecimal n(String v) {
    return new BigDecimal(v);
  }
}
