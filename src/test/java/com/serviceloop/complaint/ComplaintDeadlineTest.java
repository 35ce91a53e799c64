package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.escalation.EscalationRepository.EscalationStep;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The complaint's deadline timers: a breach is recorded, the case is escalated, the work goes on. */
@ServiceLoopTest
class ComplaintDeadlineTest extends ComplaintProcessTestSupport {

  @Test
  void firstContactOverdueIsRecordedAndEscalatedToTheShiftLead() {
    String phone = newPhone();
    ProcessInstance complaint = startComplaint(intake(phone));
    String orderNo = orderNo(complaint);
    assertThat(escalationsOf(orderNo)).isEmpty();

    clockAt("2026-11-23T10:01+08:00");
    fire(complaint, Timer_FirstContactDue);

    assertThat(complaint).hasPassed(Task_RecordFirstContactBreach, Task_EscalateFirstContactOverdue);
    assertThat(workOrders.breachReasons(orderNo)).containsExactly("FIRST_CONTACT_OVERDUE");
    // the work goes on: the first contact is still waiting in the department
    assertThat(complaint).isWaitingAt(Task_FirstContact);
    assertThat(task(complaint, Task_FirstContact)).isNotNull();

    List<ProcessInstance> escalations = escalationsOf(orderNo);
    assertThat(escalations).hasSize(1);
    ProcessInstance escalation = escalations.get(0);
    assertThat(escalation).isWaitingAt(EscalationProcess.Task_SuperviseEscalation);
    Task supervise = task(escalation, EscalationProcess.Task_SuperviseEscalation);
    assertThat(candidateGroups(supervise)).containsExactly("shift-lead");
    assertThat(supervise.getDueDate()).isEqualTo(at("2026-11-23T12:01+08:00"));
    assertThat(timer(escalation, EscalationProcess.Timer_LevelUnanswered).getDuedate())
        .isEqualTo(at("2026-11-23T12:01+08:00"));
    assertThat(workOrder(complaint).escalationLevel()).isEqualTo(1);
    EscalationStep step = escalationSteps(orderNo).get(0);
    assertThat(step.reason()).isEqualTo("FIRST_CONTACT_OVERDUE");
    assertThat(step.level()).isEqualTo(1);
    assertThat(step.groupId()).isEqualTo("shift-lead");
    assertThat(step.due()).isEqualTo(at("2026-11-23T12:01+08:00").toInstant());

    // the shift lead and the customer are told, through the outbox
    assertThat(outbox(orderNo)).extracting(row -> row.get("CHANNEL"), row -> row.get("RECIPIENT"),
        row -> row.get("TEMPLATE")).containsExactly(tuple("STAFF", "shift-lead", "ESCALATED"),
        tuple("SMS", phone, "ESCALATED"));
    // in the texts escalation.bpmn gives the step, {due} filled with the level's answer deadline
    assertThat(outbox(orderNo)).extracting(row -> row.get("MESSAGE")).containsExactly(
        "工单 " + orderNo + " 已升级至第1级督办(FIRST_CONTACT_OVERDUE),请于 2026-11-23 12:01 前答复。Work order " + orderNo
            + " escalated to level 1 (FIRST_CONTACT_OVERDUE); answer by 2026-11-23 12:01.",
        "您的工单 " + orderNo + " 已升级处理,我们将尽快与您联系。Your case " + orderNo
            + " has been escalated; we will contact you shortly.");

    // contacted late: recorded as not on time
    firstContact(complaint);
    assertThat(workOrder(complaint).firstContactOnTime()).isFalse();
  }

  @Test
  void closureOverdueIsRecordedAndEscalatedToTheDepartmentManager() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    clockAt("2026-11-23T09:30+08:00");
    firstContact(complaint);

    clockAt("2026-11-27T17:01+08:00");
    fire(complaint, Timer_ClosureDue);

    assertThat(complaint).hasPassed(Task_RecordClosureBreach, Task_EscalateClosureOverdue);
    assertThat(workOrders.breachReasons(orderNo)).containsExactly("CLOSURE_OVERDUE");
    assertThat(complaint).isWaitingAt(Task_ResolveComplaint);
    List<ProcessInstance> escalations = escalationsOf(orderNo);
    assertThat(escalations).hasSize(1);
    assertThat(candidateGroups(task(escalations.get(0), EscalationProcess.Task_SuperviseEscalation)))
        .containsExactly("department-manager");
    assertThat(workOrder(complaint).escalationLevel()).isEqualTo(2);

    // resolved and closed late: the closure is not on time
    resolve(complaint, "NETWORK_FAULT", 0);
    reply(complaint);
    answerReturnVisit(complaint, "SATISFIED");
    assertThat(complaint).isEnded();
    assertThat(workOrder(complaint).completionOnTime()).isFalse();
    assertThat(workOrder(complaint).closureOnTime()).isFalse();
  }
}
