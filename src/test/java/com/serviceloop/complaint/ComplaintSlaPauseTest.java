package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.installation.TestUsers;
import com.serviceloop.kpi.KpiPeriod;
import com.serviceloop.kpi.KpiResult;
import com.serviceloop.kpi.KpiService;
import com.serviceloop.workorder.WorkOrderView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.List;
import java.util.Map;
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
 * Pause and resume (issue 9 item 2): a first-contact call that does not reach the customer is an attempt, never
 * the contact; the first-contact clock stops until the next call, which dmn/sla-pause.dmn puts 2 working hours
 * later (never at night), and the paused working time moves its deadline, its warnings, their timers and the
 * work order. A complaint received Friday 2026-11-20 17:00: first contact PT2H working, due Monday 10:00,
 * warnings Monday 09:00 and 09:30 (working hours 09:00–18:00). A documents request has no known end: the
 * closure clock pauses up to sla-pause's longest pause and is given back what the wait did not use.
 */
@ServiceLoopTest
class ComplaintSlaPauseTest extends ComplaintProcessTestSupport {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired KpiService kpis;

  @Test
  void aCallNotReachedPausesTheFirstContactClockUntilTheNextCallInWorkingHours() {
    TestUsers.ensure(identity, "pausehotline", "hotline");
    String region = newRegion();
    ProcessInstance complaint = startIn(region, null);
    String orderNo = orderNo(complaint);

    // Friday 17:30 the handler calls; nobody answers
    clockAt("2026-11-20T17:30+08:00");
    notReached(complaint);

    // no contact recorded, one attempt
    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(order.get("FIRST_CONTACT_AT")).as("a call not reached is no contact").isNull();
    assertThat(order.get("FIRST_CONTACT_ON_TIME")).isNull();
    assertThat(order.get("FIRST_CONTACT_ATTEMPTS")).isEqualTo(1);
    // the next call: 2 working hours on, Friday 17:30–18:00 and Monday 09:00–10:30 — not Friday 19:30
    assertThat(complaint).isWaitingAt(Timer_WaitToCallAgain);
    assertThat(task(complaint, Task_FirstContact)).as("no call task while paused").isNull();
    assertThat(timer(complaint, Timer_WaitToCallAgain).getDuedate()).isEqualTo(at("2026-11-23T10:30+08:00"));
    // 2 paused working hours move the deadline and both warnings, on the timers and the work order
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-11-23T12:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning1).getDuedate()).isEqualTo(at("2026-11-23T11:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning2).getDuedate()).isEqualTo(at("2026-11-23T11:30+08:00"));
    order = workOrders.row(orderNo);
    assertThat(instant(order.get("FIRST_CONTACT_DUE"))).isEqualTo(at("2026-11-23T12:00+08:00").toInstant());
    assertThat(instant(order.get("FIRST_CONTACT_WARN1_AT"))).isEqualTo(at("2026-11-23T11:00+08:00").toInstant());
    // the closure clock (P7D natural) does not pause for this reason
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-27T17:00+08:00"));

    // the timeline shows the clock paused, with the pause
    Map<String, Object> clock = clock(orderNo, "FIRST_CONTACT");
    assertThat(clock).containsEntry("state", "PAUSED").containsEntry("target", "2026-11-23T12:00+08:00")
        .containsEntry("timeMode", "WORKING");
    assertThat(clock.get("pauses")).isEqualTo(List.of(Map.of("reason", "NOT_REACHED",
        "from", "2026-11-20T17:30+08:00", "until", "2026-11-23T10:30+08:00", "timeMode", "WORKING",
        "pausedFor", "PT2H", "targetBefore", "2026-11-23T10:00+08:00", "targetAfter", "2026-11-23T12:00+08:00",
        "moved", true)));
    assertThat(clock(orderNo, "CLOSURE")).containsEntry("state", "RUNNING").containsEntry("timeMode", "NATURAL")
        .doesNotContainKey("pauses");

    // Monday 10:30 the call comes back, due at the moved deadline, and this time the customer answers
    clockAt("2026-11-23T10:30+08:00");
    fire(complaint, Timer_WaitToCallAgain);
    assertThat(task(complaint, Task_FirstContact).getDueDate()).isEqualTo(at("2026-11-23T12:00+08:00"));
    assertThat(taskService.getVariable(task(complaint, Task_FirstContact).getId(), "firstContactDueText"))
        .isEqualTo("2026-11-23 12:00 周一 (+08:00)");
    assertThat(taskService.getVariable(task(complaint, Task_FirstContact).getId(), "contactAttempts")).isEqualTo(1);
    clockAt("2026-11-23T10:45+08:00");
    firstContact(complaint);

    assertThat(complaint).hasPassed(Gateway_CustomerReached).isWaitingAt(Task_ResolveComplaint);
    order = workOrders.row(orderNo);
    assertThat(instant(order.get("FIRST_CONTACT_AT"))).isEqualTo(at("2026-11-23T10:45+08:00").toInstant());
    assertThat(order.get("FIRST_CONTACT_ON_TIME")).as("within the deadline the pause moved").isEqualTo(true);
    assertThat(order.get("FIRST_CONTACT_ATTEMPTS")).isEqualTo(2);
    assertThat(order.get("FIRST_CONTACT_RESULT")).isEqualTo("REACHED");
    assertThat(workOrders.breachReasons(orderNo)).isEmpty();
    assertThat(clock(orderNo, "FIRST_CONTACT")).containsEntry("state", "MET");
    // KPI of November, by hand: contact Monday 10:45 ≤ the moved 12:00 → 1/1 (without the pause, due 10:00: 0/1)
    assertKpi(region, NOVEMBER, "firstContactInTime", "1", "1");
  }

  @Test
  void whenTheCallsRunOutTheCustomerGetsAnSmsAndHandlingGoesOnWithoutAContact() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    String phone = (String) runtimeService.getVariable(complaint.getId(), "customerPhone");

    // four calls not reached (the first and the 3 further attempts sla-pause allows), 2 working hours apart
    clockAt("2026-11-20T17:30+08:00");
    notReached(complaint);
    for (String next : List.of("2026-11-23T10:30+08:00", "2026-11-23T12:30+08:00", "2026-11-23T14:30+08:00")) {
      assertThat(timer(complaint, Timer_WaitToCallAgain).getDuedate()).isEqualTo(at(next));
      clockAt(next);
      fire(complaint, Timer_WaitToCallAgain);
      notReached(complaint);
    }

    assertThat(complaint).hasPassed(Task_RecordCustomerUnreachable, Task_NotifyUnreachable)
        .isWaitingAt(Task_ResolveComplaint);
    assertThat(jdbc.queryForList("SELECT recipient FROM sl_notification_outbox WHERE order_no = ? AND channel = 'SMS'"
        + " AND template = 'CUSTOMER_UNREACHABLE'", String.class, orderNo)).containsExactly(phone);
    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(order.get("FIRST_CONTACT_AT")).isNull();
    assertThat(order.get("FIRST_CONTACT_ATTEMPTS")).isEqualTo(4);
    assertThat(order.get("FIRST_CONTACT_RESULT")).isEqualTo("UNREACHABLE");
    // three pauses of 2 working hours each: the deadline moved from Monday 10:00 to 16:00
    assertThat(jdbc.queryForList("SELECT paused_for FROM sl_sla_pause WHERE order_no = ? ORDER BY id", String.class,
        orderNo)).containsExactly("PT2H", "PT2H", "PT2H");
    assertThat(instant(order.get("FIRST_CONTACT_DUE"))).isEqualTo(at("2026-11-23T16:00+08:00").toInstant());
    assertThat(timer(complaint, Timer_FirstContactDue)).as("the first contact stage ended").isNull();
  }

  @Test
  void aPauseNeverUnbreachesAClockThatAlreadyMissedItsDeadline() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    clockAt("2026-11-23T10:00+08:00");
    fire(complaint, Timer_FirstContactDue);
    assertThat(workOrders.breachReasons(orderNo)).containsExactly("FIRST_CONTACT_OVERDUE");

    clockAt("2026-11-23T10:15+08:00");
    notReached(complaint);

    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(instant(order.get("FIRST_CONTACT_DUE"))).as("not moved").isEqualTo(at("2026-11-23T10:00+08:00").toInstant());
    assertThat(jdbc.queryForMap("SELECT moved, due_before, due_after FROM sl_sla_pause WHERE order_no = ?", orderNo))
        .containsEntry("MOVED", false);
    assertThat(timer(complaint, Timer_WaitToCallAgain).getDuedate()).isEqualTo(at("2026-11-23T12:15+08:00"));

    clockAt("2026-11-23T12:15+08:00");
    fire(complaint, Timer_WaitToCallAgain);
    assertThat(timer(complaint, Timer_FirstContactDue)).as("the breach fired once").isNull();
    assertThat(task(complaint, Task_FirstContact).getDueDate()).isEqualTo(at("2026-11-23T10:00+08:00"));
    firstContact(complaint);

    assertThat(workOrders.row(orderNo).get("FIRST_CONTACT_ON_TIME")).isEqualTo(false);
    assertThat(workOrders.breachReasons(orderNo)).containsExactly("FIRST_CONTACT_OVERDUE");
  }

  @Test
  void aVisitLaterAtTheCustomersRequestPausesTheClosureClockUntilTheVisit() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    // closure P7D natural from Friday 17:00: due 11-27 17:00, warnings 11-24 05:00 and 11-25 23:00
    clockAt("2026-11-20T17:30+08:00");
    complete(complaint, Task_FirstContact, Map.of("contactResult", "REACHED", "contactNote", "客户下周三在家",
        "needsOnSiteVisit", true, "appointmentAt", "2026-11-25T10:00+08:00", "laterAtCustomersRequest", true));

    // paused from Friday 17:30 to the visit on Wednesday 10:00: 4 days 16 h 30 min natural, which the closure
    // deadline and its warnings move by; the first contact was made and is not touched
    assertThat(complaint).isWaitingAt(Task_VisitCustomer);
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-12-02T09:30+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-11-28T21:30+08:00"));
    assertThat(instant(workOrders.row(orderNo).get("CLOSURE_DUE"))).isEqualTo(at("2026-12-02T09:30+08:00").toInstant());
    assertThat(instant(workOrders.row(orderNo).get("FIRST_CLOSURE_DUE"))).as("the first round's target, which KPIs judge")
        .isEqualTo(at("2026-12-02T09:30+08:00").toInstant());
    assertThat(workOrders.row(orderNo).get("FIRST_CONTACT_ON_TIME")).isEqualTo(true);
    TestUsers.ensure(identity, "pausehotline", "hotline");
    Map<String, Object> closure = clock(orderNo, "CLOSURE");
    assertThat(closure).containsEntry("target", "2026-12-02T09:30+08:00").containsEntry("state", "PAUSED");
    assertThat(closure.get("pauses")).isEqualTo(List.of(Map.of("reason", "LATER_APPOINTMENT",
        "from", "2026-11-20T17:30+08:00", "until", "2026-11-25T10:00+08:00", "timeMode", "NATURAL",
        "pausedFor", "PT112H30M", "targetBefore", "2026-11-27T17:00+08:00", "targetAfter", "2026-12-02T09:30+08:00",
        "moved", true)));
    assertThat(clock(orderNo, "FIRST_CONTACT")).doesNotContainKey("pauses");

    // a visit booked far ahead pauses the closure for sla-pause's longest pause (P14D) only
    ProcessInstance far = startComplaint(intake(newPhone()));
    complete(far, Task_FirstContact, Map.of("contactResult", "REACHED", "contactNote", "客户出差两个月",
        "needsOnSiteVisit", true, "appointmentAt", "2027-01-20T10:00+08:00", "laterAtCustomersRequest", true));
    assertThat(timer(far, Timer_ClosureDue).getDuedate()).as("11-27 17:00 + 14 days")
        .isEqualTo(at("2026-12-11T17:00+08:00"));

    // the same visit without the customer's request moves nothing
    ProcessInstance plain = startComplaint(intake(newPhone()));
    complete(plain, Task_FirstContact, Map.of("contactResult", "REACHED", "contactNote", "约定上门",
        "needsOnSiteVisit", true, "appointmentAt", "2026-11-25T10:00+08:00"));
    assertThat(timer(plain, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-27T17:00+08:00"));
  }

  // Documents requested (sla-pause DOCUMENTS_REQUESTED: closure only, at most P14D natural). The closure clock
  // (P7D natural from Friday 17:00) is due 11-27 17:00, warned 11-24 05:00 and 11-25 23:00.

  @Test
  void documentsReceivedAfterTwoDaysMoveTheClosureDeadlineByExactlyTwoDays() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    String phone = (String) runtimeService.getVariable(complaint.getId(), "customerPhone");
    clockAt("2026-11-20T17:30+08:00");
    firstContact(complaint);

    // Monday 10:00 the handler asks for the proof of payment: the pause is applied up to its latest end at once
    clockAt("2026-11-23T10:00+08:00");
    requestDocuments(complaint);
    assertThat(complaint).hasPassed(Task_DetermineDocumentsPause, Task_PauseForDocuments,
        Task_NotifyDocumentsRequested).isWaitingAt(Task_RecordDocumentsReceived);
    assertThat(candidateGroups(task(complaint, Task_RecordDocumentsReceived)))
        .isEqualTo(List.of(runtimeService.getVariable(complaint.getId(), "responsibleGroup")));
    assertThat(task(complaint, Task_RecordDocumentsReceived).getDueDate()).isEqualTo(at("2026-12-07T10:00+08:00"));
    assertThat(timer(complaint, Timer_DocumentsDue).getDuedate()).isEqualTo(at("2026-12-07T10:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-12-11T17:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-12-08T05:00+08:00"));
    assertThat(instant(workOrders.row(orderNo).get("CLOSURE_DUE"))).isEqualTo(at("2026-12-11T17:00+08:00").toInstant());
    assertThat(jdbc.queryForList("SELECT recipient FROM sl_notification_outbox WHERE order_no = ? AND channel = 'SMS'"
        + " AND template = 'DOCUMENTS_REQUESTED'", String.class, orderNo)).containsExactly(phone);

    // Wednesday 10:00 they arrive (recorded an hour later): the pause really lasted 48 hours
    clockAt("2026-11-25T11:00+08:00");
    complete(complaint, Task_RecordDocumentsReceived, Map.of("documentsReceivedAt", "2026-11-25T10:00+08:00",
        "documentsReceivedNote", "收到缴费凭证照片"));

    assertThat(complaint).hasPassed(Task_ResumeSlaClocks).isWaitingAt(Task_ResolveComplaint);
    assertThat(timer(complaint, Timer_DocumentsDue)).isNull();
    // 11-27 17:00 + 48 h, on the timer, the warnings, the task, the work order and the first round's target
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-29T17:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-11-26T05:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-27T23:00+08:00"));
    assertThat(task(complaint, Task_ResolveComplaint).getDueDate()).isEqualTo(at("2026-11-29T17:00+08:00"));
    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(instant(order.get("CLOSURE_DUE"))).isEqualTo(at("2026-11-29T17:00+08:00").toInstant());
    assertThat(instant(order.get("FIRST_CLOSURE_DUE"))).isEqualTo(at("2026-11-29T17:00+08:00").toInstant());
    assertThat(instant(order.get("CLOSURE_WARN1_AT"))).isEqualTo(at("2026-11-26T05:00+08:00").toInstant());
    Map<String, Object> pause = jdbc.queryForMap("SELECT paused_for, resumed_at, resumes_at, due_after, open_ended"
        + " FROM sl_sla_pause WHERE order_no = ?", orderNo);
    assertThat(pause.get("PAUSED_FOR")).isEqualTo("PT48H");
    assertThat(instant(pause.get("RESUMED_AT"))).isEqualTo(at("2026-11-25T10:00+08:00").toInstant());
    assertThat(instant(pause.get("RESUMES_AT"))).as("the latest end stays").isEqualTo(at("2026-12-07T10:00+08:00").toInstant());
    assertThat(instant(pause.get("DUE_AFTER"))).isEqualTo(at("2026-11-29T17:00+08:00").toInstant());
    assertThat(pause.get("OPEN_ENDED")).isEqualTo(true);

    // handled within the moved deadline: on time
    resolve(complaint, "BILLING_ERROR", 0);
    reply(complaint);
    assertThat(workOrders.breachReasons(orderNo)).isEmpty();
  }

  @Test
  void documentsNeverReceivedEndTheWaitAtTheLongestPause() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    clockAt("2026-11-20T17:30+08:00");
    firstContact(complaint);
    clockAt("2026-11-23T10:00+08:00");
    requestDocuments(complaint);

    // no warning and no breach during the wait: the closure timers lie after its latest end
    clockAt("2026-12-01T10:00+08:00");
    assertThat(managementService.createJobQuery().processInstanceId(complaint.getId()).executable().list()).isEmpty();

    clockAt("2026-12-07T10:00+08:00");
    fire(complaint, Timer_DocumentsDue);

    assertThat(complaint).hasPassed(Task_ResumeSlaClocks).isWaitingAt(Task_ResolveComplaint);
    assertThat(task(complaint, Task_RecordDocumentsReceived)).isNull();
    // 14 days paused: 11-27 17:00 + 14 d
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-12-11T17:00+08:00"));
    assertThat(instant(workOrders.row(orderNo).get("CLOSURE_DUE"))).isEqualTo(at("2026-12-11T17:00+08:00").toInstant());
    Map<String, Object> pause = jdbc.queryForMap("SELECT paused_for, resumed_at FROM sl_sla_pause WHERE order_no = ?",
        orderNo);
    assertThat(pause.get("PAUSED_FOR")).isEqualTo("PT336H");
    assertThat(instant(pause.get("RESUMED_AT"))).isEqualTo(at("2026-12-07T10:00+08:00").toInstant());
    assertThat(workOrders.breachReasons(orderNo)).isEmpty();
  }

  @Test
  void documentsRequestedAfterTheClosureDeadlinePassedMoveNothing() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    firstContact(complaint);
    clockAt("2026-11-27T17:00+08:00");
    fire(complaint, Timer_ClosureDue);
    assertThat(workOrders.breachReasons(orderNo)).containsExactly("CLOSURE_OVERDUE");

    clockAt("2026-11-28T10:00+08:00");
    requestDocuments(complaint);
    assertThat(instant(workOrders.row(orderNo).get("CLOSURE_DUE"))).isEqualTo(at("2026-11-27T17:00+08:00").toInstant());
    clockAt("2026-11-30T10:00+08:00");
    complete(complaint, Task_RecordDocumentsReceived, Map.of("documentsReceivedAt", "2026-11-30T09:00+08:00",
        "documentsReceivedNote", "收到身份证复印件"));

    assertThat(complaint).isWaitingAt(Task_ResolveComplaint);
    assertThat(instant(workOrders.row(orderNo).get("CLOSURE_DUE"))).isEqualTo(at("2026-11-27T17:00+08:00").toInstant());
    assertThat(task(complaint, Task_ResolveComplaint).getDueDate()).isEqualTo(at("2026-11-27T17:00+08:00"));
    Map<String, Object> pause = jdbc.queryForMap("SELECT moved, due_after, resumed_at FROM sl_sla_pause"
        + " WHERE order_no = ?", orderNo);
    assertThat(pause.get("MOVED")).isEqualTo(false);
    assertThat(instant(pause.get("DUE_AFTER"))).isEqualTo(at("2026-11-27T17:00+08:00").toInstant());
    assertThat(instant(pause.get("RESUMED_AT"))).isEqualTo(at("2026-11-30T09:00+08:00").toInstant());
    assertThat(workOrders.breachReasons(orderNo)).containsExactly("CLOSURE_OVERDUE");
  }

  @Test
  void aPauseThatStartsAfterAWarning_keepsTheFiredWarning_andMovesOnlyTheOpenOneAndTheDeadline() {
    String region = newRegion();
    ProcessInstance complaint = startIn(region, null);
    String orderNo = orderNo(complaint);
    clockAt("2026-11-20T17:30+08:00");
    firstContact(complaint);
    // the closure's level-1 warning fires Tuesday 05:00 (P7D natural from Friday 17:00, 50 %; ANY_TIME)
    clockAt("2026-11-24T05:00+08:00");
    fire(complaint, Timer_ClosureWarning1);
    assertThat(workOrders.row(orderNo)).containsEntry("CLOSURE_WARNED_LEVEL", 1);

    // Tuesday 10:00 documents are requested, Wednesday 10:00 they arrive: 24 h paused
    clockAt("2026-11-24T10:00+08:00");
    requestDocuments(complaint);
    clockAt("2026-11-25T10:30+08:00");
    complete(complaint, Task_RecordDocumentsReceived, Map.of("documentsReceivedAt", "2026-11-25T10:00+08:00",
        "documentsReceivedNote", "收到缴费凭证照片"));

    // the fired warning is not fired again nor re-armed; level 2 (11-25 23:00) and the deadline move by 24 h
    assertThat(timer(complaint, Timer_ClosureWarning1)).isNull();
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-26T23:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-28T17:00+08:00"));
    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(order.get("CLOSURE_WARNED_LEVEL")).isEqualTo(1);
    assertThat(instant(order.get("CLOSURE_WARNED_AT"))).isEqualTo(at("2026-11-24T05:00+08:00").toInstant());
    assertThat(instant(order.get("FIRST_CLOSURE_DUE"))).isEqualTo(at("2026-11-28T17:00+08:00").toInstant());
    assertThat(jdbc.queryForObject("SELECT paused_for FROM sl_sla_pause WHERE order_no = ?", String.class, orderNo))
        .isEqualTo("PT24H");

    // closed Saturday 10:00, after the deadline without the pause (11-27 17:00), before the moved one: on time
    clockAt("2026-11-28T10:00+08:00");
    resolve(complaint, "BILLING_ERROR", 0);
    reply(complaint);
    answerReturnVisit(complaint, "SATISFIED");
    assertThat(workOrders.breachReasons(orderNo)).isEmpty();
    // KPIs of November, by hand: first contact 11-20 17:30 ≤ 11-23 10:00 → 1/1; timely handling: closed 11-28
    // 10:00 ≤ the first round's moved target 11-28 17:00 → 1/1 (without the pause: 11-27 17:00, 0/1)
    clockAt("2026-12-05T09:00+08:00");
    assertKpi(region, NOVEMBER, "firstContactInTime", "1", "1");
    assertKpi(region, NOVEMBER, "timelyHandlingRate", "1", "1");
  }

  @Test
  void aPauseOverTheNationalDayHolidays_resumesOnTheFirstWorkingDayAfter() {
    // received Wednesday 30 September 2026 17:00: first contact PT2H working, 17:00–18:00 and, after the
    // holidays 1–7 October, Thursday 8 October 09:00–10:00 → due 10-08 10:00
    TestUsers.ensure(identity, "pausehotline", "hotline");
    clockAt("2026-09-30T17:05+08:00");
    String region = newRegion();
    ProcessInstance complaint = startIn(region, "2026-09-30T17:00+08:00");
    String orderNo = orderNo(complaint);
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-10-08T10:00+08:00"));

    // 17:30 not reached: 2 working hours on is 17:30–18:00 + 10-08 09:00–10:30; the deadline and warnings move by 2 h
    clockAt("2026-09-30T17:30+08:00");
    notReached(complaint);
    assertThat(timer(complaint, Timer_WaitToCallAgain).getDuedate()).isEqualTo(at("2026-10-08T10:30+08:00"));
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-10-08T12:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning1).getDuedate()).isEqualTo(at("2026-10-08T11:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning2).getDuedate()).isEqualTo(at("2026-10-08T11:30+08:00"));
    assertThat(clock(orderNo, "FIRST_CONTACT")).containsEntry("state", "PAUSED")
        .containsEntry("target", "2026-10-08T12:00+08:00");

    clockAt("2026-10-08T10:30+08:00");
    fire(complaint, Timer_WaitToCallAgain);
    clockAt("2026-10-08T11:45+08:00");
    firstContact(complaint);
    assertThat(workOrders.row(orderNo)).containsEntry("FIRST_CONTACT_ON_TIME", true);
    // KPI of October, by hand: 11:45 ≤ the moved 12:00 → 1/1 (without the pause, due 10:00: 0/1)
    assertKpi(region, OCTOBER, "firstContactInTime", "1", "1");
  }

  @Test
  void aCallNotReachedOnFridayResumesOnAMakeUpSaturday() {
    // received Friday 9 October 2026 17:00: PT2H working is 17:00–18:00 + Saturday 10 October (调休, a make-up
    // working day) 09:00–10:00 → due Saturday 10:00; warnings 50 % → Friday 18:00, the end of the day → Saturday
    // 09:00; 75 % → Saturday 09:30
    TestUsers.ensure(identity, "pausehotline", "hotline");
    clockAt("2026-10-09T17:05+08:00");
    String region = newRegion();
    ProcessInstance complaint = startIn(region, "2026-10-09T17:00+08:00");
    String orderNo = orderNo(complaint);
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-10-10T10:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning1).getDuedate()).isEqualTo(at("2026-10-10T09:00+08:00"));

    // 17:30 not reached: the next call 2 working hours on, Saturday 10:30; deadline and warnings + 2 working hours
    clockAt("2026-10-09T17:30+08:00");
    notReached(complaint);
    assertThat(timer(complaint, Timer_WaitToCallAgain).getDuedate()).isEqualTo(at("2026-10-10T10:30+08:00"));
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-10-10T12:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning1).getDuedate()).isEqualTo(at("2026-10-10T11:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning2).getDuedate()).isEqualTo(at("2026-10-10T11:30+08:00"));

    // Saturday: the call comes back, the warning fires, the customer is reached 11:15, within the moved deadline
    clockAt("2026-10-10T10:30+08:00");
    fire(complaint, Timer_WaitToCallAgain);
    clockAt("2026-10-10T11:00+08:00");
    fire(complaint, Timer_FirstContactWarning1);
    assertThat(workOrders.row(orderNo)).containsEntry("FIRST_CONTACT_WARNED_LEVEL", 1);
    clockAt("2026-10-10T11:15+08:00");
    firstContact(complaint);
    Map<String, Object> order = workOrders.row(orderNo);
    assertThat(instant(order.get("FIRST_CONTACT_DUE"))).isEqualTo(at("2026-10-10T12:00+08:00").toInstant());
    assertThat(order.get("FIRST_CONTACT_ON_TIME")).isEqualTo(true);
    assertThat(workOrders.breachReasons(orderNo)).isEmpty();
    // KPI of October, by hand: Saturday 11:15 ≤ the moved 12:00 → 1/1 (without the pause, due 10:00: 0/1)
    assertKpi(region, OCTOBER, "firstContactInTime", "1", "1");
  }

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final KpiPeriod OCTOBER = new KpiPeriod(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"), SHANGHAI);
  static final KpiPeriod NOVEMBER = new KpiPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), SHANGHAI);

  /** A region of its own, so the KPIs count this test's order only. */
  static String newRegion() {
    return "暂停测试区-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
  }

  private void assertKpi(String region, KpiPeriod period, String id, String numerator, String denominator) {
    KpiResult kpi = kpis.report(period, region).stream().filter(k -> id.equals(k.id())).findFirst().orElseThrow();
    assertThat(kpi.numerator()).as(id + " numerator").isEqualByComparingTo(numerator);
    assertThat(kpi.denominator()).as(id + " denominator").isEqualByComparingTo(denominator);
  }

  private void requestDocuments(ProcessInstance complaint) {
    complete(complaint, Task_ResolveComplaint, Map.of("documentsRequested", true,
        "documentsRequestedNote", "近三个月的缴费凭证"));
  }

  private void notReached(ProcessInstance complaint) {
    complete(complaint, Task_FirstContact, Map.of("contactResult", "NOT_REACHED", "contactNote", "无人接听"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> clock(String orderNo, String clock) {
    ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("pausehotline", TestUsers.PASSWORD)
        .exchange("/api/work-orders/" + orderNo + "/sla", HttpMethod.GET, null, JSON);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) response.getBody().get("clocks")).stream()
        .filter(c -> clock.equals(c.get("clock"))).findFirst().orElseThrow();
  }

  private static Instant instant(Object value) {
    return WorkOrderView.instant(value);
  }

  /** A complaint of a region of its own (its KPIs are the test's alone), received at {@code receivedAt} (null: now). */
  private ProcessInstance startIn(String region, String receivedAt) {
    Map<String, Object> intake = intake(newPhone());
    intake.put("region", region);
    if (receivedAt != null) {
      intake.put("receivedAt", receivedAt);
    }
    return startComplaint(intake);
  }
}
