package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationRepository.EscalationStep;
import com.serviceloop.returnvisit.ReturnVisitProcess;
import com.serviceloop.workorder.WorkOrder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** After the reply: the return visit (回访) closes the loop, or opens another round. */
@ServiceLoopTest
class ComplaintReturnVisitTest extends ComplaintProcessTestSupport {

  @Test
  void anUnsatisfiedCustomerGetsASecondRoundWithoutANewFirstContactAndAnEscalation() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    clockAt("2026-11-23T09:30+08:00");
    handle(complaint);

    clockAt("2026-11-24T10:00+08:00");
    answerReturnVisit(complaint, "UNSATISFIED");

    assertThat(complaint).hasPassed(Task_StartReprocessingRound, Task_EscalateUnsatisfied);
    assertThat(complaint).isWaitingAt(Task_ResolveComplaint);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(complaint.getId())
        .activityId(Task_FirstContact).count()).isEqualTo(1);
    // the re-processing limit (P3D natural) from now is the new closure deadline
    assertThat(task(complaint, Task_ResolveComplaint).getDueDate()).isEqualTo(at("2026-11-27T10:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-27T10:00+08:00"));
    WorkOrder order = workOrder(complaint);
    assertThat(order.rounds()).isEqualTo(2);
    assertThat(order.satisfaction()).isEqualTo("UNSATISFIED");
    assertThat(order.closureDue()).isEqualTo(at("2026-11-27T10:00+08:00").toInstant());

    assertThat(escalationsOf(orderNo)).hasSize(1);
    EscalationStep step = escalationSteps(orderNo).get(0);
    assertThat(step.reason()).isEqualTo("UNSATISFIED");
    assertThat(step.level()).isEqualTo(1);
    assertThat(step.groupId()).isEqualTo("shift-lead");
  }

  @Test
  void unsatisfiedAgainGoesToTheNextLevelAndAThirdTimeClosesUnsatisfied() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = orderNo(complaint);
    handle(complaint);
    answerReturnVisit(complaint, "UNSATISFIED");
    escalationsOf(orderNo);

    handle(complaint);
    answerReturnVisit(complaint, "UNSATISFIED");

    // one chain per order (issue 7): the second UNSATISFIED raises the running chain, no second chain
    assertThat(escalationsOf(orderNo)).hasSize(1);
    assertThat(escalationSteps(orderNo)).extracting(EscalationStep::reason, EscalationStep::level,
            EscalationStep::groupId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("UNSATISFIED", 1, "shift-lead"),
            org.assertj.core.groups.Tuple.tuple("UNSATISFIED", 2, "department-manager"));
    assertThat(workOrder(complaint).rounds()).isEqualTo(3);
    assertThat(workOrder(complaint).escalationLevel()).isEqualTo(2);

    // round 3 is the last: unsatisfied again → closed as unsatisfied
    handle(complaint);
    answerReturnVisit(complaint, "UNSATISFIED");
    assertThat(complaint).hasPassed(Task_CloseUnsatisfied, EndEvent_ClosedUnsatisfied).isEnded();
    assertThat(workOrder(complaint).status()).isEqualTo("CLOSED_UNSATISFIED");
    assertThat(workOrder(complaint).rounds()).isEqualTo(3);
  }

  @Test
  void aCustomerUnreachableThreeTimesIsClosedAsUnreachable() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    handle(complaint);
    ProcessInstance returnVisit = returnVisit(complaint);

    clockAt("2026-11-24T10:00+08:00");
    answerReturnVisit(complaint, "UNREACHABLE");
    assertThat(returnVisit).isWaitingAt(ReturnVisitProcess.Timer_WaitBeforeCallingAgain);
    assertThat(timer(returnVisit, ReturnVisitProcess.Timer_WaitBeforeCallingAgain).getDuedate())
        .isEqualTo(at("2026-11-24T12:00+08:00"));
    assertThat(workOrder(complaint).satisfaction()).isEqualTo("UNREACHABLE");

    clockAt("2026-11-24T12:00+08:00");
    fire(returnVisit, ReturnVisitProcess.Timer_WaitBeforeCallingAgain);
    assertThat(returnVisit).isWaitingAt(ReturnVisitProcess.Task_CallCustomer);
    answerReturnVisit(complaint, "UNREACHABLE");

    clockAt("2026-11-24T14:00+08:00");
    fire(returnVisit, ReturnVisitProcess.Timer_WaitBeforeCallingAgain);
    answerReturnVisit(complaint, "UNREACHABLE");

    assertThat(returnVisit).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(complaint.getId())
        .variableName("returnVisitOutcome").singleResult().getValue()).isEqualTo("UNREACHABLE");
    assertThat(complaint).hasPassed(Task_CloseUnreachable, EndEvent_ClosedUnreachable).isEnded();
    WorkOrder order = workOrder(complaint);
    assertThat(order.status()).isEqualTo("CLOSED_UNREACHABLE");
    assertThat(order.surveyedAt()).isEqualTo(at("2026-11-24T14:00+08:00").toInstant());
  }

  @Test
  void anUnreachableCustomerIsCalledAgainInWorkingHoursNeverAtNight() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    handle(complaint);
    ProcessInstance returnVisit = returnVisit(complaint);

    // Tuesday 17:30, 30 minutes before the end of the working day: the next call is Wednesday 10:30, not 19:30
    clockAt("2026-11-24T17:30+08:00");
    answerReturnVisit(complaint, "UNREACHABLE");
    assertThat(timer(returnVisit, ReturnVisitProcess.Timer_WaitBeforeCallingAgain).getDuedate())
        .isEqualTo(at("2026-11-25T10:30+08:00"));
    // Friday 17:00: one working hour that day, one on Monday
    clockAt("2026-11-25T10:30+08:00");
    fire(returnVisit, ReturnVisitProcess.Timer_WaitBeforeCallingAgain);
    clockAt("2026-11-27T17:00+08:00");
    answerReturnVisit(complaint, "UNREACHABLE");
    assertThat(timer(returnVisit, ReturnVisitProcess.Timer_WaitBeforeCallingAgain).getDuedate())
        .isEqualTo(at("2026-11-30T10:00+08:00"));
  }
}
