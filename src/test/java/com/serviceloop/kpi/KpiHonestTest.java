package com.serviceloop.kpi;

import static com.serviceloop.kpi.KpiServiceTest.assertRate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.NewWorkOrder;
import com.serviceloop.workorder.OrderType;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Honest KPIs (issue 9, item 5), each with hand-computed figures, and for each the month's trend bucket
 * (groupBy=month, one query) is that month's report. Periods are Asia/Shanghai days; now is 2026-12-05 09:00.
 */
@ServiceLoopTest
class KpiHonestTest {

  static final String REGION = "KPI测试区-honest";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final KpiPeriod NOVEMBER = KpiServiceTest.NOVEMBER;
  static final KpiPeriod DECEMBER = KpiServiceTest.DECEMBER;
  static final KpiPeriod NOV_DEC = new KpiPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2027-01-01"), SHANGHAI);

  @Autowired JdbcTemplate jdbc;
  @Autowired KpiService kpis;
  @Autowired WorkOrderRepository workOrders;
  @Autowired TestRestTemplate rest;
  TestFacts facts;

  @BeforeEach
  void setUp() {
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
    clock("2026-12-05T09:00+08:00");
  }

  @AfterEach
  void tearDown() {
    facts.clear();
    ClockUtil.reset();
  }

  static void clock(String at) {
    ClockUtil.setCurrentTime(Date.from(TestFacts.at(at).toInstant()));
  }

  static Instant instant(String at) {
    return TestFacts.at(at).toInstant();
  }

  Map<String, KpiResult> report(KpiPeriod period) {
    return kpis.report(period, REGION).stream().collect(Collectors.toMap(KpiResult::id, Function.identity()));
  }

  /** The trend of November and December: each bucket equals that month's report (KpiTrendTest's comparison). */
  void assertTrendIsTheReports() {
    List<KpiGroup> trend = kpis.breakdown(NOV_DEC, REGION, KpiGrouping.month);
    assertThat(trend).extracting(KpiGroup::key).containsExactly("2026-11", "2026-12");
    KpiTrendTest.assertSameAsReports(NOV_DEC, REGION, trend, kpis);
  }

  @Test
  void anOpenOrderPastItsDeadlineIsAMissInThePeriodTheDeadlinePassed() {
    facts.complaint("BILLING").firstClosureDue("2026-11-06T10:00+08:00")
        .closed("2026-11-05T10:00+08:00", true).insert();                           // a: on time, Nov
    facts.complaint("BILLING").firstClosureDue("2026-11-20T10:00+08:00").insert(); // b: open, due Nov 20: Nov miss
    facts.complaint("BILLING").firstClosureDue("2026-12-10T10:00+08:00").insert(); // c: open, not due yet
    facts.complaint("BILLING").firstClosureDue("2026-11-25T10:00+08:00")
        .closed("2026-12-02T10:00+08:00", false).insert();                          // d: late: Nov miss, not Dec
    facts.complaint("BILLING").firstClosureDue("2026-12-03T10:00+08:00").insert(); // e: open, due Dec 3: Dec miss
    facts.complaint("BILLING").firstClosureDue("2026-11-08T10:00+08:00")
        .closed("2026-11-10T10:00+08:00", false).insert();                          // f: late within Nov

    // November: a, b, d, f judged, a on time: 1/4; December: e: 0/1 (before: Nov a, f = 1/2, Dec d = 0/1)
    assertRate(report(NOVEMBER).get("timelyHandlingRate"), "0.25", "1", "4");
    assertRate(report(DECEMBER).get("timelyHandlingRate"), "0", "0", "1");
    assertTrendIsTheReports();
    assertThat(kpis.orders(Kpi.timelyHandlingRate, NOVEMBER, REGION, 10)).hasSize(4);
  }

  @Test
  void aMonthWithOnlyAnOverdueOpenOrderIsNotWithoutDenominator() {
    // CMP-000010 of the issue: overdue since 1 November, still open
    facts.complaint("BILLING").received("2026-10-28T10:00+08:00").firstClosureDue("2026-11-01T10:00+08:00").insert();
    assertRate(report(NOVEMBER).get("timelyHandlingRate"), "0", "0", "1");
    assertTrendIsTheReports();
  }

  @Test
  void installationsRefusedForNoCoverageOrNoFreePortAreNotHandlings() {
    facts.installation().set("coverage_result", "NOT_COVERED").closed("2026-11-03T10:00+08:00", true)
        .set("status", "NOT_COVERED").insert();
    facts.installation().set("coverage_result", "NOT_COVERED").closed("2026-11-04T10:00+08:00", true)
        .set("status", "NOT_COVERED").insert();
    facts.installation().set("coverage_result", "NO_FREE_PORT").closed("2026-11-05T10:00+08:00", true)
        .set("status", "NO_FREE_PORT").insert();
    facts.installation().set("coverage_result", "AVAILABLE").firstClosureDue("2026-11-09T10:00+08:00")
        .closed("2026-11-08T10:00+08:00", true).insert();
    facts.complaint("BILLING").firstClosureDue("2026-11-09T10:00+08:00").closed("2026-11-10T10:00+08:00", false)
        .insert();

    // the installed one and the complaint: 1/2 (before: 4/5 = 0.8 with the three refusals "on time")
    assertRate(report(NOVEMBER).get("timelyHandlingRate"), "0.5", "1", "2");
    assertTrendIsTheReports();
  }

  @Test
  void theFirstRoundsMissStaysAMissWhateverLaterRoundsDo() {
    // 1: first round late (ended Nov 12, due Nov 10), second round on time (due Nov 20, closed Nov 15)
    clock("2026-11-09T08:00+08:00");
    String late = complaint();
    workOrders.setServiceLevel(late, 3, instant("2026-11-09T10:00+08:00"), "WORKING",
        instant("2026-11-10T10:00+08:00"), instant("2026-11-10T10:00+08:00"), "NATURAL");
    // 2: first round on time (ended Nov 9, due Nov 10), second round late (due Nov 12, closed Nov 14)
    String onTime = complaint();
    workOrders.setServiceLevel(onTime, 3, instant("2026-11-09T10:00+08:00"), "WORKING",
        instant("2026-11-10T10:00+08:00"), instant("2026-11-10T10:00+08:00"), "NATURAL");
    // 3: one round, its deadline moved by an escalation instruction from Nov 10 to Nov 25, closed Nov 20
    String moved = complaint();
    workOrders.setServiceLevel(moved, 3, instant("2026-11-09T10:00+08:00"), "WORKING",
        instant("2026-11-10T10:00+08:00"), instant("2026-11-10T10:00+08:00"), "NATURAL");

    clock("2026-11-09T16:00+08:00");
    workOrders.startNewRound(onTime, instant("2026-11-12T16:00+08:00"));
    workOrders.setClosureDue(moved, instant("2026-11-25T10:00+08:00"));
    clock("2026-11-12T10:00+08:00");
    workOrders.startNewRound(late, instant("2026-11-20T10:00+08:00"));
    clock("2026-11-14T10:00+08:00");
    workOrders.recordClosure(onTime, "CLOSED", instant("2026-11-14T10:00+08:00"));
    clock("2026-11-15T10:00+08:00");
    workOrders.recordClosure(late, "CLOSED", instant("2026-11-15T10:00+08:00"));
    clock("2026-11-20T10:00+08:00");
    workOrders.recordClosure(moved, "CLOSED", instant("2026-11-20T10:00+08:00"));
    clock("2026-12-05T09:00+08:00");

    // the process's own flags are the last round's
    assertThat(workOrders.get(late).closureOnTime()).isTrue();
    assertThat(workOrders.get(onTime).closureOnTime()).isFalse();
    assertThat(workOrders.get(moved).closureOnTime()).isTrue();
    // the KPI's: only "onTime" met its first deadline: 1/3 (before: late and moved on time, 2/3)
    assertRate(report(NOVEMBER).get("timelyHandlingRate"), "0.333333", "1", "3");
    assertTrendIsTheReports();
  }

  @Test
  void satisfactionCountsTheFirstRoundsAnswerAndEveryRoundIsKept() {
    clock("2026-11-19T10:00+08:00");
    String reprocessed = complaint();   // round 1 unsatisfied on Nov 20, round 2 satisfied on Dec 3
    String retried = complaint();       // round 1: unreachable on Nov 21, satisfied on Nov 22
    String once = complaint();          // round 1 satisfied on Nov 25
    clock("2026-11-20T10:00+08:00");
    workOrders.recordSatisfaction(reprocessed, "UNSATISFIED", WorkOrderRepository.now());
    workOrders.startNewRound(reprocessed, instant("2026-12-05T10:00+08:00"));
    clock("2026-11-21T10:00+08:00");
    workOrders.recordSatisfaction(retried, "UNREACHABLE", WorkOrderRepository.now());
    clock("2026-11-22T10:00+08:00");
    workOrders.recordSatisfaction(retried, "SATISFIED", WorkOrderRepository.now());
    clock("2026-11-25T10:00+08:00");
    workOrders.recordSatisfaction(once, "SATISFIED", WorkOrderRepository.now());
    clock("2026-12-03T10:00+08:00");
    workOrders.recordSatisfaction(reprocessed, "SATISFIED", WorkOrderRepository.now());
    clock("2026-12-05T09:00+08:00");

    // November: 3 surveyed, 1 unsatisfied (BILLING complaint, weight 1): (3 − 1) / 3; December: none
    // (before: the Dec 3 answer replaced the Nov 20 one — November 2/2 = 1, December 1/1)
    KpiResult november = report(NOVEMBER).get("satisfactionRate");
    assertRate(november, "0.666667", "2", "3");
    assertThat(november.basis()).contains("first round");
    assertThat(report(DECEMBER).get("satisfactionRate").noDenominator()).isTrue();
    assertTrendIsTheReports();

    // the latest answer stays on the order (its page), every round in sl_return_visit
    assertThat(workOrders.get(reprocessed).satisfaction()).isEqualTo("SATISFIED");
    assertThat(workOrders.returnVisits(reprocessed)).containsExactly(
        new WorkOrderRepository.ReturnVisit(1, "UNSATISFIED", 1, instant("2026-11-20T10:00+08:00"),
            instant("2026-11-20T10:00+08:00")),
        new WorkOrderRepository.ReturnVisit(2, "SATISFIED", 1, instant("2026-12-03T10:00+08:00"),
            instant("2026-12-03T10:00+08:00")));
    assertThat(workOrders.returnVisits(retried)).containsExactly(
        new WorkOrderRepository.ReturnVisit(1, "SATISFIED", 2, instant("2026-11-21T10:00+08:00"),
            instant("2026-11-22T10:00+08:00")));
    // and on the order's page (GET /api/work-orders/{orderNo}), times in Beijing time
    ResponseEntity<JsonNode> page = rest.withBasicAuth("auditor1", "demo")
        .getForEntity("/api/work-orders/" + reprocessed, JsonNode.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode visits = page.getBody().get("returnVisits");
    assertThat(visits).hasSize(2);
    assertThat(visits.get(0).get("round").asInt()).isEqualTo(1);
    assertThat(visits.get(0).get("outcome").asText()).isEqualTo("UNSATISFIED");
    assertThat(visits.get(0).get("surveyedAt").asText()).startsWith("2026-11-20T10:00");
    assertThat(visits.get(1).get("outcome").asText()).isEqualTo("SATISFIED");
    assertThat(page.getBody().get("firstSatisfaction").asText()).isEqualTo("UNSATISFIED");
    assertThat(page.getBody().get("satisfaction").asText()).isEqualTo("SATISFIED");
  }

  @Test
  void aMonthWithoutItsCustomerBaseHasNoDenominatorAndIsNamed() {
    facts.customerBase("2026-11", 20_000);   // no December base
    facts.complaint("BROADBAND").received("2026-11-10T10:00+08:00").insert();
    facts.complaint("BROADBAND").received("2026-12-02T10:00+08:00").insert();
    facts.complaint("BROADBAND").received("2026-12-03T10:00+08:00").insert();

    // November: 1 / 20,000 × 10,000 = 0.5
    KpiResult november = report(NOVEMBER).get("complaintsPer10k");
    assertRate(november, "0.5", "1", "20000");
    assertThat(november.missingBaseMonths()).isEmpty();
    // November and December: 3 complaints, December has no base (before: 3 / 20,000 × 10,000 = 1.5)
    KpiResult both = report(NOV_DEC).get("complaintsPer10k");
    assertThat(both.value()).isNull();
    assertThat(both.noDenominator()).isTrue();
    assertThat(both.denominator()).isNull();
    assertThat(both.numerator()).isEqualByComparingTo("3");
    assertThat(both.missingBaseMonths()).containsExactly("2026-12");
    assertThat(report(DECEMBER).get("complaintsPer10k").missingBaseMonths()).containsExactly("2026-12");
    assertTrendIsTheReports();
  }

  @Test
  void aRegionWithoutItsBaseIsNotDividedByAnotherRegionsBase() {
    // March 2031: a month no other test has facts in, so that the report of all regions is this test's
    clock("2031-04-05T09:00+08:00");
    TestFacts other = new TestFacts(jdbc, REGION + "-2");
    other.clear();
    try {
      facts.customerBase("2031-03", 20_000);
      facts.complaint("BROADBAND").received("2031-03-10T10:00+08:00").insert();
      facts.complaint("BROADBAND").received("2031-03-11T10:00+08:00").insert();
      other.complaint("BROADBAND").received("2031-03-12T10:00+08:00").insert();   // its region has no base
      other.complaint("BROADBAND").received("2031-03-13T10:00+08:00").insert();
      other.complaint("BROADBAND").received("2031-03-14T10:00+08:00").insert();
      KpiPeriod march = KpiPeriod.month(java.time.YearMonth.of(2031, 3), SHANGHAI);

      // all regions: 5 complaints, one region's base only (before: 5 / 20,000 × 10,000 = 2.5)
      KpiResult all = kpis.report(march, null).stream().filter(k -> k.id().equals("complaintsPer10k"))
          .findFirst().orElseThrow();
      assertThat(all.value()).isNull();
      assertThat(all.noDenominator()).isTrue();
      assertThat(all.numerator()).isEqualByComparingTo("5");
      assertThat(all.missingBaseMonths()).containsExactly("2031-03");
      KpiTrendTest.assertSameAsReports(march, null, kpis.breakdown(march, null, KpiGrouping.month), kpis);
      // by channel (all HOTLINE): the same base, the same answer
      KpiResult hotline = KpiServiceTest.find(kpis.breakdown(march, null, KpiGrouping.channel).stream()
          .filter(g -> g.key().equals("HOTLINE")).findFirst().orElseThrow(), "complaintsPer10k");
      assertThat(hotline.missingBaseMonths()).containsExactly("2031-03");
      // each region on its own: the one with a base 2 / 20,000 × 10,000 = 1, the other none, named
      List<KpiGroup> byRegion = kpis.breakdown(march, null, KpiGrouping.region);
      assertRate(KpiServiceTest.find(group(byRegion, REGION), "complaintsPer10k"), "1", "2", "20000");
      KpiResult without = KpiServiceTest.find(group(byRegion, REGION + "-2"), "complaintsPer10k");
      assertThat(without.noDenominator()).isTrue();
      assertThat(without.missingBaseMonths()).containsExactly("2031-03");
      // with the second region's base the figure is whole: 5 / 50,000 × 10,000 = 1
      other.customerBase("2031-03", 30_000);
      assertRate(kpis.report(march, null).stream().filter(k -> k.id().equals("complaintsPer10k")).findFirst()
          .orElseThrow(), "1", "5", "50000");
    } finally {
      other.clear();
    }
  }

  @Test
  void sameDayRecordingCountsComplaintsRecordedOnTheShanghaiDayTheyWereReceived() {
    facts.complaint("BILLING").received("2026-11-10T10:00+08:00").set("created_at", "2026-11-10T10:05+08:00")
        .insert();                                                                       // a: same day
    facts.complaint("BILLING").received("2026-11-10T23:50+08:00").set("created_at", "2026-11-11T00:10+08:00")
        .insert();                                                                       // b: next day (same UTC day)
    facts.complaint("BROADBAND").received("2026-11-11T00:10+08:00").set("created_at", "2026-11-11T09:00+08:00")
        .insert();                                                                       // c: same day (not in UTC)
    facts.complaint("BILLING").received("2026-11-12T09:00+08:00").set("created_at", "2026-11-14T09:00+08:00")
        .insert();                                                                       // d: two days later
    facts.installation().received("2026-11-12T09:00+08:00").set("created_at", "2026-11-12T09:00+08:00")
        .insert();                                                                       // not a complaint
    facts.complaint("BILLING").received("2026-10-31T23:00+08:00").set("created_at", "2026-11-01T08:00+08:00")
        .insert();                                                                       // October's
    facts.complaint("BILLING").received("2026-12-01T00:00+08:00").set("created_at", "2026-12-01T23:59:59+08:00")
        .insert();                                                                       // December's, same day

    // November: a, b, c, d received, a and c recorded the same day: 2/4 against the target >= 1
    KpiResult november = report(NOVEMBER).get("sameDayRecordingRate");
    assertRate(november, "0.5", "2", "4");
    assertThat(november.target()).isEqualByComparingTo("1");
    assertThat(november.targetOperator()).isEqualTo(">=");
    assertThat(november.met()).isFalse();
    assertThat(november.name()).isEqualTo("每诉必录 Same-day recording");
    assertRate(report(DECEMBER).get("sameDayRecordingRate"), "1", "1", "1");
    assertThat(report(DECEMBER).get("sameDayRecordingRate").met()).isTrue();
    assertTrendIsTheReports();
    assertThat(kpis.orders(Kpi.sameDayRecordingRate, NOVEMBER, REGION, 10))
        .extracting(o -> o.numeratorValue().intValue()).containsExactlyInAnyOrder(1, 0, 1, 0);
  }

  static KpiGroup group(List<KpiGroup> groups, String key) {
    return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
  }

  String complaint() {
    return workOrders.create(new NewWorkOrder(OrderType.COMPLAINT, "RECEIVED", null, "HOTLINE", "BILLING", REGION,
        "PUBLIC", null, null, "13900000000", null, "KPI honest test", null, null, WorkOrderRepository.now()));
  }
}
