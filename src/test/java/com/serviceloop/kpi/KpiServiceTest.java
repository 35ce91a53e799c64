package com.serviceloop.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.serviceloop.ServiceLoopTest;
import java.math.BigDecimal;
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
import org.springframework.jdbc.core.JdbcTemplate;

/** Each KPI on a data set built for it, with exact values; periods are Asia/Shanghai days. */
@ServiceLoopTest
class KpiServiceTest {

  static final String REGION = "KPI测试区-service";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final KpiPeriod NOVEMBER = new KpiPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), SHANGHAI);
  static final KpiPeriod DECEMBER = new KpiPeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-01"), SHANGHAI);
  static final KpiPeriod NOV_DEC = new KpiPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2027-01-01"), SHANGHAI);

  @Autowired JdbcTemplate jdbc;
  @Autowired KpiService kpis;
  TestFacts facts;

  @BeforeEach
  void setUp() {
    facts = new TestFacts(jdbc, REGION);
    facts.clear();
    ClockUtil.setCurrentTime(Date.from(TestFacts.at("2026-12-05T09:00+08:00").toInstant()));
  }

  @AfterEach
  void tearDown() {
    facts.clear();
    ClockUtil.reset();
  }

  Map<String, KpiResult> report(KpiPeriod period) {
    return kpis.report(period, REGION).stream().collect(Collectors.toMap(KpiResult::id, Function.identity()));
  }

  static void assertRate(KpiResult kpi, String value, String numerator, String denominator) {
    assertThat(kpi.value()).as(kpi.id() + " value").isEqualByComparingTo(value);
    assertThat(kpi.numerator()).as(kpi.id() + " numerator").isEqualByComparingTo(numerator);
    assertThat(kpi.denominator()).as(kpi.id() + " denominator").isEqualByComparingTo(denominator);
    assertThat(kpi.noDenominator()).isFalse();
  }

  @Test
  void emptyPeriodHasNoDenominatorsAndNoRemedies() {
    Map<String, KpiResult> report = report(NOVEMBER);
    assertThat(report).hasSize(Kpi.values().length);
    for (KpiResult kpi : report.values()) {
      if (kpi.id().equals("remediesDue")) {
        assertThat(kpi.value()).isEqualByComparingTo("0");
        assertThat(kpi.noDenominator()).isFalse();
      } else {
        assertThat(kpi.value()).as(kpi.id()).isNull();
        assertThat(kpi.noDenominator()).as(kpi.id()).isTrue();
        assertThat(kpi.met()).as(kpi.id()).isNull();
      }
    }
    assertThat(report.get("timelyHandlingRate").target()).isEqualByComparingTo("0.96");
    assertThat(report.get("timelyHandlingRate").targetOperator()).isEqualTo(">=");
  }

  @Test
  void complaintsPer10kCountsBroadbandComplaintsReceivedInShanghaiMonth() {
    facts.customerBase("2026-11", 20_000);
    facts.complaint("BROADBAND").received("2026-11-01T00:00+08:00").insert();
    facts.complaint("BROADBAND").received("2026-11-15T12:00+08:00").insert();
    facts.complaint("BROADBAND").received("2026-11-30T23:30+08:00").insert();   // 15:30Z: still November
    facts.complaint("BROADBAND").received("2026-12-01T00:10+08:00").insert();   // 16:10Z Nov 30: December here
    facts.complaint("BROADBAND").received("2026-10-31T23:59+08:00").insert();
    facts.complaint("BILLING").received("2026-11-10T10:00+08:00").insert();
    facts.installation().received("2026-11-10T10:00+08:00").insert();

    assertRate(report(NOVEMBER).get("complaintsPer10k"), "1.5", "3", "20000");
  }

  @Test
  void complaintsPer10kWithoutCustomerBaseHasNoDenominator() {
    facts.complaint("BROADBAND").received("2026-11-15T12:00+08:00").insert();
    KpiResult kpi = report(NOVEMBER).get("complaintsPer10k");
    assertThat(kpi.value()).isNull();
    assertThat(kpi.noDenominator()).isTrue();
    assertThat(kpi.numerator()).isEqualByComparingTo("1");
  }

  @Test
  void complaintsPer10kOverTwoMonthsUsesBothMonthsCustomerBase() {
    facts.customerBase("2026-11", 20_000);
    facts.customerBase("2026-12", 30_000);
    facts.customerBase("2027-01", 99_999);
    facts.complaint("BROADBAND").received("2026-11-15T12:00+08:00").insert();
    facts.complaint("BROADBAND").received("2026-12-15T12:00+08:00").insert();
    KpiPeriod twoMonths = new KpiPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2027-01-01"), SHANGHAI);
    assertRate(report(twoMonths).get("complaintsPer10k"), "0.4", "2", "50000");
  }

  /** 申诉率 as MIIT publishes it, appeals per million customers: REGULATOR referrals received in the Beijing month. */
  @Test
  void appealsPerMillionCountsRegulatorReferralsReceivedInShanghaiMonth() {
    facts.customerBase("2026-11", 2_000_000);
    facts.referral("BROADBAND").received("2026-11-01T00:00+08:00").insert();
    facts.referral("BILLING").received("2026-11-15T12:00+08:00").insert();          // any category
    facts.referral("BROADBAND").received("2026-11-30T23:30+08:00").insert();        // 15:30Z: still November
    facts.referral("BROADBAND").received("2026-12-01T00:10+08:00").insert();        // December here
    facts.referral("BROADBAND").received("2026-10-31T23:59+08:00").insert();        // October
    facts.complaint("BROADBAND").received("2026-11-10T10:00+08:00").insert();       // HOTLINE: not an appeal
    facts.installation().channel("REGULATOR").received("2026-11-10T10:00+08:00").insert(); // not a complaint

    // 3 / 2,000,000 × 1,000,000 = 1.5
    KpiResult appeals = report(NOVEMBER).get("appealsPerMillion");
    assertRate(appeals, "1.5", "3", "2000000");
    assertThat(appeals.unit()).isEqualTo(Kpi.Unit.PER_MILLION);
    assertThat(appeals.name()).isEqualTo("申诉率 Appeals per million customers");
    assertThat(appeals.missingBaseMonths()).isEmpty();
    // the same base as complaintsPer10k: 3 broadband complaints (two of them referrals) / 2,000,000 × 10,000
    assertRate(report(NOVEMBER).get("complaintsPer10k"), "0.015", "3", "2000000");
    // December has no base: no denominator, the month named, the numerator kept
    KpiResult both = report(NOV_DEC).get("appealsPerMillion");
    assertThat(both.value()).isNull();
    assertThat(both.noDenominator()).isTrue();
    assertThat(both.denominator()).isNull();
    assertThat(both.numerator()).isEqualByComparingTo("4");
    assertThat(both.missingBaseMonths()).containsExactly("2026-12");
    // the one-query trend: each month is that month's report
    KpiTrendTest.assertSameAsReports(NOV_DEC, REGION, kpis.breakdown(NOV_DEC, REGION, KpiGrouping.month), kpis);
    // the orders behind it: the three referrals, each adding 1
    assertThat(kpis.orders(Kpi.appealsPerMillion, NOVEMBER, REGION, 10)).hasSize(3)
        .allSatisfy(o -> assertThat(o.channel()).isEqualTo("REGULATOR"));
  }

  /**
   * The regions an appeal rate counts are those with referrals (or a base), not those with broadband complaints:
   * one region's referral without that region's base leaves the rate of all regions unknown.
   */
  @Test
  void appealsPerMillionOfAllRegionsNeedsTheBaseOfEveryRegionWithReferrals() {
    // June 2031: a month no other test has facts in, so that the report of all regions is this test's
    ClockUtil.setCurrentTime(Date.from(TestFacts.at("2031-07-05T09:00+08:00").toInstant()));
    TestFacts other = new TestFacts(jdbc, REGION + "-2");
    other.clear();
    try {
      facts.customerBase("2031-06", 2_000_000);
      facts.referral("BILLING").received("2031-06-10T10:00+08:00").insert();
      facts.referral("BILLING").received("2031-06-11T10:00+08:00").insert();
      other.referral("BILLING").received("2031-06-12T10:00+08:00").insert();      // its region has no base
      KpiPeriod june = KpiPeriod.month(java.time.YearMonth.of(2031, 6), SHANGHAI);

      Map<String, KpiResult> all = kpis.report(june, null).stream()
          .collect(Collectors.toMap(KpiResult::id, Function.identity()));
      assertThat(all.get("appealsPerMillion").noDenominator()).isTrue();
      assertThat(all.get("appealsPerMillion").numerator()).isEqualByComparingTo("3");
      assertThat(all.get("appealsPerMillion").missingBaseMonths()).containsExactly("2031-06");
      // no broadband complaint in the other region: complaints per 10,000 stay whole, 0 / 2,000,000
      assertRate(all.get("complaintsPer10k"), "0", "0", "2000000");
      KpiTrendTest.assertSameAsReports(june, null, kpis.breakdown(june, null, KpiGrouping.month), kpis);
      // each region by its own base: 2 / 2,000,000 × 1,000,000 = 1; the other none, named
      List<KpiGroup> byRegion = kpis.breakdown(june, null, KpiGrouping.region);
      assertRate(find(KpiHonestTest.group(byRegion, REGION), "appealsPerMillion"), "1", "2", "2000000");
      KpiResult without = find(KpiHonestTest.group(byRegion, REGION + "-2"), "appealsPerMillion");
      assertThat(without.noDenominator()).isTrue();
      assertThat(without.missingBaseMonths()).containsExactly("2031-06");
      // with the other region's base: 3 / 3,000,000 × 1,000,000 = 1
      other.customerBase("2031-06", 1_000_000);
      assertRate(kpis.report(june, null).stream().filter(k -> k.id().equals("appealsPerMillion")).findFirst()
          .orElseThrow(), "1", "3", "3000000");
    } finally {
      other.clear();
    }
  }

  /**
   * 回复管局及时率: referrals reported back to the regulator in the period, plus those whose reply deadline passed
   * in it (and before now) with no report by the period's end — a miss, as firstContactInTime counts misses.
   */
  @Test
  void regulatorReplyInTimeCountsReportsAndMissedReplyDeadlines() {
    // now: 2026-12-05 09:00
    facts.referral("BILLING").regulatorReplyDue("2026-11-10T18:00+08:00")
        .reportedToRegulator("2026-11-08T10:00+08:00", true).insert();              // a: on time
    facts.referral("BILLING").regulatorReplyDue("2026-11-10T18:00+08:00")
        .reportedToRegulator("2026-11-12T10:00+08:00", false).insert();             // b: late, in November
    facts.referral("BILLING").regulatorReplyDue("2026-11-20T18:00+08:00").insert(); // c: missed, never reported
    facts.referral("BILLING").regulatorReplyDue("2026-11-28T18:00+08:00")
        .reportedToRegulator("2026-12-02T10:00+08:00", false).insert();             // d: missed in Nov, late in Dec
    facts.referral("BILLING").regulatorReplyDue("2026-10-30T18:00+08:00")
        .reportedToRegulator("2026-11-02T10:00+08:00", false).insert();             // e: reported in Nov, late
    facts.referral("BILLING").regulatorReplyDue("2026-12-03T18:00+08:00").insert(); // f: missed in Dec
    facts.referral("BILLING").regulatorReplyDue("2026-12-10T18:00+08:00").insert(); // g: not due yet
    facts.complaint("BILLING").firstContactDue("2026-11-05T12:00+08:00")
        .firstContact("2026-11-05T10:00+08:00", true).insert();                     // not a referral

    // November: a, b, c, d, e — a on time: 1/5
    KpiResult november = report(NOVEMBER).get("regulatorReplyInTime");
    assertRate(november, "0.2", "1", "5");
    assertThat(november.unit()).isEqualTo(Kpi.Unit.RATIO);
    assertThat(november.name()).isEqualTo("回复管局及时率 Regulator reply in time");
    // December: d reported late, f missed: 0/2
    assertRate(report(DECEMBER).get("regulatorReplyInTime"), "0", "0", "2");
    KpiTrendTest.assertSameAsReports(NOV_DEC, REGION, kpis.breakdown(NOV_DEC, REGION, KpiGrouping.month), kpis);
    assertThat(kpis.orders(Kpi.regulatorReplyInTime, NOVEMBER, REGION, 10)).hasSize(5)
        .extracting(o -> o.numeratorValue().intValue()).containsExactly(1, 0, 0, 0, 0);
  }

  @Test
  void timelyHandlingRateAgainstItsTarget() {
    facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", true).insert();
    facts.complaint("BILLING").closed("2026-11-06T10:00+08:00", true).insert();
    facts.installation().closed("2026-11-07T10:00+08:00", true).insert();
    facts.faultRepair().closed("2026-11-08T10:00+08:00", false).insert();
    facts.complaint("BILLING").closed("2026-10-31T10:00+08:00", false).insert();
    facts.complaint("BILLING").insert();  // still open

    KpiResult kpi = report(NOVEMBER).get("timelyHandlingRate");
    assertRate(kpi, "0.75", "3", "4");
    assertThat(kpi.met()).isFalse();

    KpiPeriod firstWeek = new KpiPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-07"), SHANGHAI);
    KpiResult firstWeekKpi = report(firstWeek).get("timelyHandlingRate");
    assertRate(firstWeekKpi, "1", "2", "2");
    assertThat(firstWeekKpi.met()).isTrue();
  }

  @Test
  void satisfactionRateWeighsUnsatisfiedBroadbandOrders() {
    facts.complaint("BILLING").surveyed("2026-11-05T10:00+08:00", "SATISFIED").insert();
    facts.installation().surveyed("2026-11-05T11:00+08:00", "SATISFIED").insert();
    facts.faultRepair().surveyed("2026-11-06T10:00+08:00", "UNSATISFIED").insert();     // 1.05
    facts.complaint("BILLING").surveyed("2026-11-07T10:00+08:00", "UNSATISFIED").insert(); // 1
    facts.complaint("BILLING").surveyed("2026-11-08T10:00+08:00", "UNREACHABLE").insert(); // not surveyed
    facts.complaint("BROADBAND").surveyed("2026-10-30T10:00+08:00", "UNSATISFIED").insert(); // October

    // 1 − (1.05 + 1) / 4
    assertRate(report(NOVEMBER).get("satisfactionRate"), "0.4875", "1.95", "4");
  }

  @Test
  void satisfactionRateWeighsEachBroadbandKind() {
    facts.installation().surveyed("2026-11-05T10:00+08:00", "UNSATISFIED").insert();
    facts.complaint("BROADBAND").surveyed("2026-11-05T10:00+08:00", "UNSATISFIED").insert();
    facts.complaint("NETWORK_QUALITY").surveyed("2026-11-05T10:00+08:00", "UNSATISFIED").insert();
    for (int i = 0; i < 7; i++) {
      facts.complaint("BILLING").surveyed("2026-11-05T10:00+08:00", "SATISFIED").insert();
    }
    // 1 − (1.05 + 1.05 + 1) / 10
    assertRate(report(NOVEMBER).get("satisfactionRate"), "0.69", "6.9", "10");
  }

  @Test
  void onSiteAppointmentRateOfFaultOrdersReceived() {
    facts.faultRepair().set("on_site_appointment", true).insert();
    facts.faultRepair().insert();
    facts.faultRepair().insert();
    facts.faultRepair().insert();
    facts.faultRepair().set("on_site_appointment", true).received("2026-10-20T10:00+08:00").insert();
    facts.complaint("NETWORK_QUALITY").set("on_site_appointment", true).insert();

    KpiResult kpi = report(NOVEMBER).get("onSiteAppointmentRate");
    assertRate(kpi, "0.25", "1", "4");
    assertThat(kpi.met()).isTrue();
    assertThat(kpi.targetOperator()).isEqualTo("<=");
  }

  @Test
  void installationTimelinessOfInstallationsCompleted() {
    facts.installation().completed("2026-11-04T10:00+08:00", true).insert();
    facts.installation().completed("2026-11-05T10:00+08:00", true).insert();
    facts.installation().completed("2026-11-06T10:00+08:00", false).insert();
    facts.installation().completed("2026-12-01T09:00+08:00", false).insert();
    facts.faultRepair().completed("2026-11-06T10:00+08:00", false).insert();
    facts.installation().insert(); // not completed

    KpiResult kpi = report(NOVEMBER).get("installationTimeliness");
    assertRate(kpi, "0.666667", "2", "3");
    assertThat(kpi.target()).isNull();
    assertThat(kpi.met()).isNull();
  }

  @Test
  void firstContactInTimeCountsContactsAndMissedDeadlines() {
    // now: 2026-12-05 09:00
    facts.complaint("BILLING").firstContactDue("2026-11-05T12:00+08:00")
        .firstContact("2026-11-05T10:00+08:00", true).insert();                   // a: in time
    facts.complaint("BILLING").firstContactDue("2026-11-06T09:00+08:00")
        .firstContact("2026-11-06T10:00+08:00", false).insert();                  // b: late
    facts.complaint("BILLING").firstContactDue("2026-11-20T10:00+08:00").insert(); // c: missed, never contacted
    facts.complaint("BILLING").firstContactDue("2026-11-25T10:00+08:00")
        .firstContact("2026-12-02T10:00+08:00", false).insert();                  // d: missed in Nov, late in Dec
    facts.complaint("BILLING").firstContactDue("2026-10-30T10:00+08:00")
        .firstContact("2026-11-02T10:00+08:00", false).insert();                  // e: contacted in Nov, late
    facts.complaint("BILLING").firstContactDue("2026-12-03T10:00+08:00").insert(); // f: missed in Dec
    facts.complaint("BILLING").firstContactDue("2026-11-29T10:00+08:00")
        .firstContact("2026-11-28T10:00+08:00", true).insert();                   // g: in time
    facts.complaint("BILLING").firstContactDue("2026-12-10T10:00+08:00").insert(); // h: not due yet

    assertRate(report(NOVEMBER).get("firstContactInTime"), "0.333333", "2", "6");
    assertRate(report(DECEMBER).get("firstContactInTime"), "0", "0", "2");
  }

  @Test
  void escalationRateOfOrdersReceived() {
    facts.complaint("BILLING").set("escalation_level", 2).insert();
    facts.faultRepair().set("escalation_level", 1).insert();
    facts.complaint("BILLING").insert();
    facts.installation().insert();
    facts.complaint("BILLING").set("escalation_level", 3).received("2026-12-01T10:00+08:00").insert();

    assertRate(report(NOVEMBER).get("escalationRate"), "0.5", "2", "4");
  }

  @Test
  void repeatComplaintRateCountsTheFlagsComplaintHandlingStored() {
    facts.complaint("BILLING").repeat(true).insert();
    facts.complaint("BROADBAND").repeat(true).insert();
    facts.complaint("BILLING").repeat(false).insert();
    facts.complaint("BILLING").insert();                                                   // not checked yet: no repeat
    facts.installation().repeat(true).insert();                                            // not a complaint
    facts.complaint("BILLING").repeat(true).received("2026-10-31T23:59:59+08:00").insert(); // October (Beijing)
    facts.complaint("BILLING").repeat(true).received("2026-12-01T00:00+08:00").insert();    // December (Beijing)

    // no look-back in the KPI: the window is the model's (complaint-handling, Task_CheckRepeatComplaint)
    assertRate(report(NOVEMBER).get("repeatComplaintRate"), "0.5", "2", "4");
    assertRate(report(DECEMBER).get("repeatComplaintRate"), "1", "1", "1");
  }

  /** The complaints before V20_1 keep last month's figures: the migration flags them with the 30-day look-back. */
  @Test
  void theMigrationFlagsEarlierComplaintsWithTheThirtyDayLookBackTheKpiHadBefore() {
    String oct20 = facts.complaint("BILLING").phone("17099990001").received("2026-10-20T10:00+08:00").insert();
    String repeat21Days = facts.complaint("BILLING").phone("17099990001").received("2026-11-10T10:00+08:00").insert();
    facts.complaint("BILLING").phone("17099990002").received("2026-11-01T10:00+08:00").insert();
    String installation = facts.installation().phone("17099990002").received("2026-10-25T10:00+08:00").insert();
    facts.complaint("BILLING").phone("17099990003").received("2026-09-01T10:00+08:00").insert();
    String days65 = facts.complaint("BILLING").phone("17099990003").received("2026-11-05T10:00+08:00").insert();
    facts.complaint("BILLING").phone("17099990004").received("2026-11-12T10:00+08:00").insert();
    String hourLater = facts.complaint("BROADBAND").phone("17099990004").received("2026-11-12T11:00+08:00").insert();
    facts.complaint("BILLING").phone("17099990005").received("2026-10-11T10:00+08:00").insert();
    String exactly30Days = facts.complaint("BILLING").phone("17099990005").received("2026-11-10T10:00+08:00").insert();
    facts.complaint("BILLING").phone("17099990006").received("2026-11-20T10:00+08:00").insert();
    String sameInstant = facts.complaint("BILLING").phone("17099990006").received("2026-11-20T10:00+08:00").insert();
    facts.complaint("BILLING").phone("17099990002").received("2026-12-05T08:00+08:00").insert(); // December
    assertRate(report(NOVEMBER).get("repeatComplaintRate"), "0", "0", "8"); // before the migration: no flags

    assertThat(facts.backfillRepeatFlags()).isEqualTo(12); // every complaint, not the installation

    assertThat(flag(repeat21Days)).isTrue();
    assertThat(flag(hourLater)).isTrue();
    assertThat(flag(exactly30Days)).isTrue();
    assertThat(flag(days65)).isFalse();
    assertThat(flag(oct20)).isFalse();
    assertThat(flag(sameInstant)).isFalse(); // received at the same instant: neither is the earlier
    assertThat(flag(installation)).isNull();
    // the figure the KPI gave with its own 30-day look-back before issue 13 (3 of November's 8 complaints)
    assertRate(report(NOVEMBER).get("repeatComplaintRate"), "0.375", "3", "8");
  }

  Boolean flag(String orderNo) {
    return jdbc.queryForObject("SELECT repeat_complaint FROM sl_work_order WHERE order_no = ?", Boolean.class, orderNo);
  }

  @Test
  void reprocessingRateOfOrdersClosed() {
    facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", true).insert();
    facts.complaint("BILLING").closed("2026-11-06T10:00+08:00", true).set("rounds", 2).insert();
    facts.complaint("BILLING").closed("2026-11-07T10:00+08:00", false).set("rounds", 3).insert();
    facts.complaint("BILLING").set("rounds", 2).insert(); // open

    assertRate(report(NOVEMBER).get("reprocessingRate"), "0.666667", "2", "3");
  }

  @Test
  void remediesDueOfOrdersClosed() {
    facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", true).remedies("100.00", "20.50").insert();
    facts.complaint("SMS").closed("2026-11-06T10:00+08:00", true).remedies("50", null).insert();
    facts.complaint("BILLING").closed("2026-11-07T10:00+08:00", true).insert();
    facts.complaint("BILLING").closed("2026-10-07T10:00+08:00", true).remedies("999", null).insert();
    facts.complaint("BILLING").remedies("77", null).insert(); // not closed

    KpiResult kpi = report(NOVEMBER).get("remediesDue");
    assertThat(kpi.value()).isEqualByComparingTo("170.5");
    assertThat(kpi.numerator()).isEqualByComparingTo("170.5");
    assertThat(kpi.denominator()).isNull();
    assertThat(kpi.unit()).isEqualTo(Kpi.Unit.CNY);
  }

  @Test
  void breakdownByChannelAndByMonth() {
    facts.customerBase("2026-11", 10_000);
    facts.complaint("BROADBAND").channel("HOTLINE").closed("2026-11-05T10:00+08:00", true).insert();
    facts.complaint("BROADBAND").channel("HOTLINE").closed("2026-11-06T10:00+08:00", false).insert();
    facts.complaint("BROADBAND").channel("BUSINESS_HALL").received("2026-10-10T10:00+08:00")
        .closed("2026-10-12T10:00+08:00", true).insert();
    facts.faultRepair().channel("BUSINESS_HALL").received("2026-11-20T10:00+08:00").insert();

    List<KpiGroup> byChannel = kpis.breakdown(NOVEMBER, REGION, KpiGrouping.channel);
    assertThat(byChannel).extracting(KpiGroup::key).containsExactly("BUSINESS_HALL", "HOTLINE");
    KpiResult hotlineTimely = find(byChannel.get(1), "timelyHandlingRate");
    assertRate(hotlineTimely, "0.5", "1", "2");
    assertRate(find(byChannel.get(1), "complaintsPer10k"), "2", "2", "10000");
    assertThat(find(byChannel.get(0), "timelyHandlingRate").noDenominator()).isTrue();
    assertRate(find(byChannel.get(0), "onSiteAppointmentRate"), "0", "0", "1");

    KpiPeriod autumn = new KpiPeriod(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-12-01"), SHANGHAI);
    List<KpiGroup> byMonth = kpis.breakdown(autumn, REGION, KpiGrouping.month);
    assertThat(byMonth).extracting(KpiGroup::key).containsExactly("2026-10", "2026-11");
    // October 15–31 only: the Oct 12 closure is outside
    assertThat(find(byMonth.get(0), "timelyHandlingRate").noDenominator()).isTrue();
    assertRate(find(byMonth.get(1), "timelyHandlingRate"), "0.5", "1", "2");
    assertThat(find(byMonth.get(0), "complaintsPer10k").noDenominator()).isTrue();
  }

  @Test
  void breakdownByRegionIncludesRegionsKnownOnlyByTheirCustomerBase() {
    facts.customerBase("2026-11", 40_000);
    facts.complaint("BROADBAND").set("region", null).set("order_no", "KPT-NOREGION-1").insert();
    try {
      List<KpiGroup> byRegion = kpis.breakdown(NOVEMBER, REGION, KpiGrouping.region);
      assertThat(byRegion).extracting(KpiGroup::key).containsExactly(REGION);
      assertRate(find(byRegion.get(0), "complaintsPer10k"), "0", "0", "40000");
    } finally {
      jdbc.update("DELETE FROM sl_work_order WHERE order_no = 'KPT-NOREGION-1'");
      TestFacts.forgetSummary(jdbc);
    }
  }

  @Test
  void ordersBehindAKpiCarryTheirNumeratorValue() {
    String late = facts.complaint("BILLING").closed("2026-11-08T10:00+08:00", false)
        .set("process_instance_id", "pi-late").insert();
    String onTime = facts.complaint("BILLING").closed("2026-11-05T10:00+08:00", true).insert();
    facts.complaint("BILLING").closed("2026-10-05T10:00+08:00", true).insert();

    List<KpiOrder> orders = kpis.orders(Kpi.timelyHandlingRate, NOVEMBER, REGION, 10);
    assertThat(orders).extracting(KpiOrder::orderNo).containsExactly(late, onTime);
    assertThat(orders.get(0).numeratorValue()).isEqualByComparingTo("0");
    assertThat(orders.get(0).processInstanceId()).isEqualTo("pi-late");
    assertThat(orders.get(1).numeratorValue()).isEqualByComparingTo("1");

    facts.faultRepair().surveyed("2026-11-06T10:00+08:00", "UNSATISFIED").insert();
    assertThat(kpis.orders(Kpi.satisfactionRate, NOVEMBER, REGION, 10))
        .extracting(o -> o.numeratorValue().stripTrailingZeros().toPlainString()).containsExactly("1.05");
  }

  static KpiResult find(KpiGroup group, String id) {
    return group.kpis().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }
}
