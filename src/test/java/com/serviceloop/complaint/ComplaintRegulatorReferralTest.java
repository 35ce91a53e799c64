package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.kpi.Kpi;
import com.serviceloop.kpi.KpiOrder;
import com.serviceloop.kpi.KpiPeriod;
import com.serviceloop.kpi.KpiService;
import com.serviceloop.workorder.WorkOrderView;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The regulator's clock (issue 9 item 3, MIIT Order 35): a referral received Friday 2026-11-20 17:00 carries the
 * regulator's reference and the reply deadline it set, links to the customer's original complaint, is closed by
 * that deadline at the latest, and ends with the report back to the regulator, on time or a breach.
 */
@ServiceLoopTest
class ComplaintRegulatorReferralTest extends ComplaintProcessTestSupport {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  static final String REFERENCE = "工信部申〔2026〕0456号";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired KpiService kpis;

  @Test
  void aReferralLinksTheOriginalComplaint_isClosedByTheRegulatorsDeadline_andEndsWithTheReportBack() {
    TestUsers.ensure(identity, "regulatorhotline", "hotline");
    String phone = newPhone();
    Map<String, Object> first = intake(phone);
    first.put("receivedAt", "2026-11-16T10:00+08:00");
    String original = orderNo(startComplaint(first));
    // the regulator wants the reply by Monday 12:00, before the referral's own P3D closure (Monday 17:00)
    ProcessInstance referral = startComplaint(referral(phone, "2026-11-23T12:00+08:00"));
    String orderNo = orderNo(referral);

    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(order).containsEntry("REGULATOR_REFERENCE", REFERENCE).containsEntry("ORIGINAL_ORDER_NO", original);
    assertThat(instant(order.get("REGULATOR_REPLY_DUE"))).isEqualTo(at("2026-11-23T12:00+08:00").toInstant());
    assertThat(instant(order.get("CLOSURE_DUE"))).as("closed by the regulator's deadline at the latest")
        .isEqualTo(at("2026-11-23T12:00+08:00").toInstant());
    assertThat(timer(referral, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-23T12:00+08:00"));

    clockAt("2026-11-20T17:30+08:00");
    handle(referral);
    assertThat(referral).isWaitingAt(Task_ReportToRegulator);
    var report = task(referral, Task_ReportToRegulator);
    assertThat(candidateGroups(report)).containsExactly("service-supervision");
    assertThat(report.getDueDate()).isEqualTo(at("2026-11-23T12:00+08:00"));
    assertThat(taskService.getVariables(report.getId())).containsEntry("regulatorReference", REFERENCE)
        .containsEntry("originalOrderNo", original)
        .containsEntry("regulatorReplyDueText", "2026-11-23 12:00 周一 (+08:00)");

    clockAt("2026-11-23T09:00+08:00");
    complete(referral, Task_ReportToRegulator, Map.of("regulatorReport", "已核实多扣费用并退还,客户认可"));

    assertThat(referral).hasPassed(Task_RecordRegulatorReport).isWaitingAt(Task_ReturnVisit);
    order = workOrders.row(orderNo);
    assertThat(instant(order.get("REGULATOR_REPORTED_AT"))).isEqualTo(at("2026-11-23T09:00+08:00").toInstant());
    assertThat(order.get("REGULATOR_REPLY_ON_TIME")).isEqualTo(true);
    assertThat(workOrders.breachReasons(orderNo)).doesNotContain("REGULATOR_REPLY_OVERDUE");
    assertThat(clock(orderNo, "REGULATOR_REPLY")).containsEntry("state", "MET")
        .containsEntry("target", "2026-11-23T12:00+08:00").containsEntry("stoppedAt", "2026-11-23T09:00+08:00");
    // an ordinary complaint has no regulator's clock and no report back
    assertThat(clocks(original)).doesNotContain("REGULATOR_REPLY");
    // the KPIs read what the process wrote: an appeal of November, replied in time (1); the original is no appeal
    assertThat(kpiOrders(Kpi.appealsPerMillion)).containsKey(orderNo).doesNotContainKey(original);
    assertThat(kpiOrders(Kpi.regulatorReplyInTime)).containsEntry(orderNo, 1);
  }

  @Test
  void aReportBackAfterTheRegulatorsDeadlineIsABreach() {
    ProcessInstance referral = startComplaint(referral(newPhone(), "2026-11-23T12:00+08:00"));
    String orderNo = orderNo(referral);
    assertThat(workOrders.row(orderNo).get("ORIGINAL_ORDER_NO")).as("no earlier complaint from this phone").isNull();
    clockAt("2026-11-23T13:00+08:00");
    handle(referral);
    fire(referral, Timer_RegulatorReplyDue);

    assertThat(referral).hasPassed(Task_RecordRegulatorReplyBreach).isWaitingAt(Task_ReportToRegulator);
    assertThat(workOrders.breachReasons(orderNo)).contains("REGULATOR_REPLY_OVERDUE");
    clockAt("2026-11-23T14:00+08:00");
    complete(referral, Task_ReportToRegulator, Map.of("regulatorReport", "已处理"));
    assertThat(workOrders.row(orderNo).get("REGULATOR_REPLY_ON_TIME")).isEqualTo(false);
    assertThat(kpiOrders(Kpi.regulatorReplyInTime)).as("a late reply counts, not in time").containsEntry(orderNo, 0);
  }

  /** The orders behind a KPI in November 2026 in the intake's region (浦东): order number → what it adds. */
  private Map<String, Integer> kpiOrders(Kpi kpi) {
    KpiPeriod november = KpiPeriod.month(YearMonth.of(2026, 11), ZoneId.of("Asia/Shanghai"));
    return kpis.orders(kpi, november, "浦东", 100_000).stream()
        .collect(Collectors.toMap(KpiOrder::orderNo, o -> o.numeratorValue().intValue()));
  }

  private static Map<String, Object> referral(String phone, String replyDue) {
    Map<String, Object> intake = intake(phone);
    intake.put("channel", "REGULATOR");
    intake.put("regulatorReference", REFERENCE);
    intake.put("regulatorReplyDue", replyDue);
    return intake;
  }

  @SuppressWarnings("unchecked")
  private List<String> clocks(String orderNo) {
    return timeline(orderNo).stream().map(c -> (String) c.get("clock")).toList();
  }

  private Map<String, Object> clock(String orderNo, String clock) {
    return timeline(orderNo).stream().filter(c -> clock.equals(c.get("clock"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> timeline(String orderNo) {
    TestUsers.ensure(identity, "regulatorhotline", "hotline");
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("regulatorhotline", TestUsers.PASSWORD)
        .exchange("/api/work-orders/" + orderNo + "/sla", HttpMethod.GET, null, JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (List<Map<String, Object>>) response.getBody().get("clocks");
  }

  private static Instant instant(Object value) {
    return WorkOrderView.instant(value);
  }
}
