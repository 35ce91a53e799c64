package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.workorder.WorkOrderView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SLA warnings (issue 9 item 1): each clock warns at the shares dmn/sla-warning.dmn decides (50 % the handler's
 * group, 75 % also the shift lead), counted in the clock's own time mode; timers with real due dates.
 */
@ServiceLoopTest
class ComplaintSlaWarningTest extends ComplaintProcessTestSupport {

  private static final String HANDLER = "dept-network-assurance";

  @Autowired WorkOrderView view;

  @Test
  void theFirstContactWarnsAtHalfAndThreeQuartersOfItsWorkingHoursEachOnce() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);

    // PT2H WORKING from Friday 17:00 is due Monday 10:00: one working hour on Friday, one on Monday. 50 % is
    // the end of Friday's working day — at work, that is Monday 09:00; 75 % is Monday 09:30.
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-11-23T10:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning1).getDuedate()).isEqualTo(at("2026-11-23T09:00+08:00"));
    assertThat(timer(complaint, Timer_FirstContactWarning2).getDuedate()).isEqualTo(at("2026-11-23T09:30+08:00"));
    assertThat(runtimeService.getVariable(complaint.getId(), "firstContactWarning1At"))
        .isEqualTo(at("2026-11-23T09:00+08:00"));
    Map<String, Object> order = row(orderNo);
    assertThat(instant(order.get("FIRST_CONTACT_WARN1_AT"))).isEqualTo(at("2026-11-23T09:00+08:00").toInstant());
    assertThat(instant(order.get("FIRST_CONTACT_WARN2_AT"))).isEqualTo(at("2026-11-23T09:30+08:00").toInstant());
    assertThat(order.get("FIRST_CONTACT_WARNED_LEVEL")).isNull();

    clockAt("2026-11-23T09:00+08:00");
    fire(complaint, Timer_FirstContactWarning1);

    assertThat(complaint).hasPassed(Task_RecordFirstContactWarning1).isWaitingAt(Task_FirstContact);
    assertThat(timer(complaint, Timer_FirstContactWarning1)).as("fires once").isNull();
    assertThat(warnings(orderNo)).containsExactly(tuple("STAFF", HANDLER, "SLA_WARNING"));
    order = row(orderNo);
    assertThat(order.get("FIRST_CONTACT_WARNED_LEVEL")).isEqualTo(1);
    assertThat(instant(order.get("FIRST_CONTACT_WARNED_AT"))).isEqualTo(at("2026-11-23T09:00+08:00").toInstant());
    assertThat((String) taskService.getVariable(task(complaint, Task_FirstContact).getId(), "slaWarningText"))
        .contains("1 级").contains("level 1").contains("2026-11-23 10:00");

    clockAt("2026-11-23T09:30+08:00");
    fire(complaint, Timer_FirstContactWarning2);

    assertThat(complaint).hasPassed(Task_RecordFirstContactWarning2).isWaitingAt(Task_FirstContact);
    assertThat(timer(complaint, Timer_FirstContactWarning2)).as("fires once").isNull();
    assertThat(warnings(orderNo)).containsExactly(tuple("STAFF", HANDLER, "SLA_WARNING"),
        tuple("STAFF", HANDLER, "SLA_WARNING"), tuple("STAFF", "shift-lead", "SLA_WARNING"));
    assertThat(row(orderNo).get("FIRST_CONTACT_WARNED_LEVEL")).isEqualTo(2);
    assertThat((String) taskService.getVariable(task(complaint, Task_FirstContact).getId(), "slaWarningText"))
        .contains("level 2");
    assertThat(workOrders.breachReasons(orderNo)).as("a warning is no breach").isEmpty();

    // the lookup shows the clock's level reached and when
    Map<String, Object> shown = view.find(orderNo, true).orElseThrow();
    assertThat(shown).containsEntry("firstContactWarnedLevel", 2)
        .containsEntry("firstContactWarnedAt", "2026-11-23T09:30+08:00")
        .containsEntry("firstContactWarn1At", "2026-11-23T09:00+08:00")
        .containsEntry("firstContactWarn2At", "2026-11-23T09:30+08:00");
    assertThat(shown).doesNotContainKey("closureWarnedLevel");
  }

  @Test
  void aFirstContactMadeBeforeTheWarningFiresNoWarning() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    assertThat(timer(complaint, Timer_FirstContactWarning1)).isNotNull();

    clockAt("2026-11-20T17:30+08:00");
    firstContact(complaint);

    assertThat(timer(complaint, Timer_FirstContactWarning1)).as("cancelled with the task").isNull();
    assertThat(timer(complaint, Timer_FirstContactWarning2)).as("cancelled with the task").isNull();
    assertThat(warnings(orderNo)).isEmpty();
    assertThat(row(orderNo).get("FIRST_CONTACT_WARNED_LEVEL")).isNull();
    // the closure clock still runs: P7D NATURAL from Friday 17:00 (due 11-27 17:00) warns at 3.5 and 5.25 days
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-11-24T05:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-25T23:00+08:00"));
    // the 05:00 warning asked the owner's warnDuring rule: from the model's mapping, not a second evaluation
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey("sla-warning")
        .processInstanceId(complaint.getId()).count()).isEqualTo(2);
  }

  @Test
  void theClosureWarningsMoveWithTheEscalationsNewDeadline() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");
    ProcessInstance complaint = startComplaint(intake);
    String orderNo = orderNo(complaint);
    firstContact(complaint);
    // P3D NATURAL from Friday 17:00: due Monday 17:00, warnings at 1.5 and 2.25 days
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-11-22T05:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-22T23:00+08:00"));
    ProcessInstance escalation = escalationsOf(orderNo).get(0);

    // Saturday 09:00 the shift lead sets a new deadline four days on: the warnings at 50 % and 75 % of it
    clockAt("2026-11-21T09:00+08:00");
    complete(escalation, EscalationProcess.Task_SuperviseEscalation, Map.of(
        "escalationInstruction", "周三前完成处理", "escalationNewDeadline", "2026-11-25T09:00+08:00"));

    assertThat(complaint).hasPassed(Task_ApplyInstruction).isWaitingAt(Task_ResolveComplaint);
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-25T09:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-11-23T09:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-24T09:00+08:00"));
    assertThat(runtimeService.getVariable(complaint.getId(), "closureWarning2At"))
        .isEqualTo(at("2026-11-24T09:00+08:00"));
    Map<String, Object> order = row(orderNo);
    assertThat(instant(order.get("CLOSURE_WARN1_AT"))).isEqualTo(at("2026-11-23T09:00+08:00").toInstant());
    assertThat(instant(order.get("CLOSURE_WARN2_AT"))).isEqualTo(at("2026-11-24T09:00+08:00").toInstant());

    clockAt("2026-11-23T09:00+08:00");
    fire(complaint, Timer_ClosureWarning1);
    assertThat(complaint).hasPassed(Task_RecordClosureWarning1).isWaitingAt(Task_ResolveComplaint);
    assertThat(warnings(orderNo)).containsExactly(tuple("STAFF", HANDLER, "SLA_WARNING"));
    assertThat(row(orderNo).get("CLOSURE_WARNED_LEVEL")).isEqualTo(1);
    assertThat((String) taskService.getVariable(task(complaint, Task_ResolveComplaint).getId(), "slaWarningText"))
        .as("the resolution form shows it").contains("办结 closure").contains("2026-11-25 09:00");
  }

  @Test
  void aWarningThatFiredStaysWhenTheDeadlineMovesAndOnlyTheOpenOneMoves() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");
    ProcessInstance complaint = startComplaint(intake);
    String orderNo = orderNo(complaint);
    firstContact(complaint);
    ProcessInstance escalation = escalationsOf(orderNo).get(0);

    clockAt("2026-11-22T05:00+08:00");
    fire(complaint, Timer_ClosureWarning1);
    clockAt("2026-11-22T09:00+08:00");
    complete(escalation, EscalationProcess.Task_SuperviseEscalation, Map.of(
        "escalationInstruction", "周四前完成处理", "escalationNewDeadline", "2026-11-26T09:00+08:00"));

    assertThat(timer(complaint, Timer_ClosureWarning1)).isNull();
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-25T09:00+08:00"));
    Map<String, Object> order = row(orderNo);
    assertThat(order.get("CLOSURE_WARNED_LEVEL")).as("the level reached is kept").isEqualTo(1);
    assertThat(instant(order.get("CLOSURE_WARNED_AT"))).isEqualTo(at("2026-11-22T05:00+08:00").toInstant());
  }

  @Test
  void aReprocessingRoundCountsTheClosureWarningsAgainFromItsStart() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    clockAt("2026-11-24T05:00+08:00");
    fire(complaint, Timer_ClosureWarning1);
    assertThat(row(orderNo).get("CLOSURE_WARNED_LEVEL")).isEqualTo(1);
    assertThat(runtimeService.getVariable(complaint.getId(), "slaWarningText")).isNotNull();
    clockAt("2026-11-24T10:00+08:00");
    handle(complaint);
    answerReturnVisit(complaint, "UNSATISFIED");

    // round 2: P3D NATURAL (the re-processing limit) from Tuesday 10:00 — due Friday 10:00
    assertThat(complaint).isWaitingAt(Task_ResolveComplaint);
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-27T10:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning1).getDuedate()).isEqualTo(at("2026-11-25T22:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureWarning2).getDuedate()).isEqualTo(at("2026-11-26T16:00+08:00"));
    Map<String, Object> order = row(orderNo);
    assertThat(order.get("CLOSURE_WARNED_LEVEL")).as("a new round's clock starts again").isNull();
    assertThat(instant(order.get("CLOSURE_WARN1_AT"))).isEqualTo(at("2026-11-25T22:00+08:00").toInstant());
    assertThat(taskService.getVariable(task(complaint, Task_ResolveComplaint).getId(), "slaWarningText"))
        .as("no warning of the earlier round on the form").isNull();
  }

  private Map<String, Object> row(String orderNo) {
    return jdbc.queryForMap("SELECT * FROM sl_work_order WHERE order_no = ?", orderNo);
  }

  private List<org.assertj.core.groups.Tuple> warnings(String orderNo) {
    return outbox(orderNo).stream().filter(row -> "SLA_WARNING".equals(row.get("TEMPLATE")))
        .map(row -> tuple(row.get("CHANNEL"), row.get("RECIPIENT"), row.get("TEMPLATE"))).toList();
  }

  private static Instant instant(Object value) {
    return WorkOrderView.instant(value);
  }

}
