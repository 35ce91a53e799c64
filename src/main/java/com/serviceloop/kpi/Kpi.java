package com.serviceloop.kpi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The KPIs the operator is judged by (DOMAIN.md, "KPIs"); ids are the API's. */
public enum Kpi {
  complaintsPer10k("万客户投诉量", "Broadband complaints per 10,000 customers", Unit.PER_10K,
      "broadband customers of every month of the period in every region counted (sl_customer_base); "
          + "a month without them: no denominator, the month named"),
  appealsPerMillion("申诉率", "Appeals per million customers", Unit.PER_MILLION,
      "REGULATOR referrals (申诉, MIIT Order 35) received, per broadband customers of every month of the period in "
          + "every region counted (sl_customer_base, as complaintsPer10k); a month without them: no denominator, "
          + "the month named"),
  timelyHandlingRate("工单处理及时率", "Timely handling rate", Unit.RATIO,
      "the first round's closure deadline: an order is judged when it closes or, missed, when that deadline "
          + "passes (open orders included); refusals for no coverage or no free port excluded"),
  satisfactionRate("工单处理满意率", "Satisfaction rate", Unit.RATIO,
      "the first round's return-visit answer (a later round's never changes a reported month)"),
  onSiteAppointmentRate("工单处理预约率", "On-site appointment rate", Unit.RATIO),
  installationTimeliness("装机及时率", "Installation timeliness", Unit.RATIO),
  firstContactInTime("首次联系及时率", "First contact in time", Unit.RATIO),
  regulatorReplyInTime("回复管局及时率", "Regulator reply in time", Unit.RATIO,
      "REGULATOR referrals reported back (regulator_reported_at) in the period, plus those whose reply deadline "
          + "(regulator_reply_due) passed in it with no report by its end, a miss; on time: regulator_reply_on_time"),
  sameDayRecordingRate("每诉必录", "Same-day recording", Unit.RATIO,
      "complaints whose work order was created (created_at) on the day, in the operator's zone, they were "
          + "received (received_at)"),
  escalationRate("升级率", "Escalation rate", Unit.RATIO),
  repeatComplaintRate("重复投诉率", "Repeat complaint rate", Unit.RATIO,
      "the flag complaint-handling stored when it checked the complaint, with its model's window (repeatWindow "
          + "of Task_CheckRepeatComplaint); complaints before issue 13: the former 30-day look-back"),
  reprocessingRate("再处理率", "Reprocessing rate", Unit.RATIO),
  remediesDue("应付赔偿", "Remedies due (CNY)", Unit.CNY);

  /** How a value reads: a fraction, a count per 10,000 or per 1,000,000 customers, an amount of money. */
  public enum Unit {
    RATIO(null), PER_10K(10_000L), PER_MILLION(1_000_000L), CNY(null);

    private final BigDecimal customers;

    Unit(Long customers) {
      this.customers = customers == null ? null : BigDecimal.valueOf(customers);
    }

    /**
     * A count per this many customers of the customer base (sl_customer_base), with its "no denominator, the
     * missing months named" rule; null for a unit that is not per customers.
     */
    public BigDecimal perCustomers() {
      return customers;
    }
  }

  private final String chineseName;
  private final String englishName;
  private final Unit unit;
  private final String basis;

  Kpi(String chineseName, String englishName, Unit unit) {
    this(chineseName, englishName, unit, null);
  }

  Kpi(String chineseName, String englishName, Unit unit, String basis) {
    this.chineseName = chineseName;
    this.englishName = englishName;
    this.unit = unit;
    this.basis = basis;
  }

  /** What the KPI counts where a choice was made (which round, which base), or null. */
  public String basis() {
    return basis;
  }

  public String id() {
    return name();
  }

  /** "工单处理及时率 Timely handling rate". */
  public String label() {
    return chineseName + " " + englishName;
  }

  public Unit unit() {
    return unit;
  }

  public static Optional<Kpi> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.name().equals(id)).findFirst();
  }
}
