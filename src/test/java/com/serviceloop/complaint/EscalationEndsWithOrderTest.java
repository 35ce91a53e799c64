package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.escalation.EscalationRepository;
import com.serviceloop.escalation.EscalationRepository.EscalationStep;
import com.serviceloop.escalation.EscalationRequests;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7 item 6: an escalation ends with its order. Closing a case (any end) cancels its open supervision
 * tasks and timers; one chain per order (a new reason raises the running chain); nothing is sent to the
 * customer after closure.
 */
@ServiceLoopTest
class EscalationEndsWithOrderTest extends ComplaintProcessTestSupport {

  @Autowired EscalationRequests escalationRequests;

  ProcessInstance diamondComplaint() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND"); // escalated at intake (VIP, shift lead)
    return startComplaint(intake);
  }

  @Test
  void closingTheComplaintEndsItsEscalation_tasksAndTimersCancelled() {
    ProcessInstance complaint = diamondComplaint();
    String orderNo = complaint.getBusinessKey();
    ProcessInstance escalation = escalationsOf(orderNo).get(0);
    assertThat(escalation).isWaitingAt(EscalationProcess.Task_SuperviseEscalation);

    handle(complaint);
    answerReturnVisit(complaint, "SATISFIED");
    assertThat(complaint).isEnded().hasPassed(EndEvent_ComplaintClosed);

    assertThat(escalation).isEnded().hasPassed(EscalationProcess.Task_CloseChain, EscalationProcess.EndEvent_EndedWithOrder)
        .hasNotPassed(EscalationProcess.Task_ReturnInstruction);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(orderNo).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(escalation.getId()).count()).isZero();
    assertThat(escalationSteps(orderNo)).extracting(EscalationStep::level, EscalationStep::closedReason)
        .containsExactly(tuple(1, EscalationRepository.CLOSED_ORDER_ENDED));

    // Monday: the shift lead's level would have been unanswered and climbed; nothing is left to climb
    clockAt("2026-11-30T10:00+08:00");
    assertThat(managementService.createJobQuery().processInstanceId(escalation.getId()).executable().count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count()).isZero();
    assertThat(workOrders.get(orderNo).escalationLevel()).isEqualTo(1);
  }

  @Test
  void deletingTheComplaintEndsItsEscalationToo() {
    ProcessInstance complaint = diamondComplaint();
    String orderNo = complaint.getBusinessKey();
    ProcessInstance escalation = escalationsOf(orderNo).get(0);

    runtimeService.deleteProcessInstance(complaint.getId(), "cancelled by the customer");

    assertThat(escalation).isEnded().hasPassed(EscalationProcess.EndEvent_EndedWithOrder);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(orderNo).count()).isZero();
  }

  @Test
  void aNewReasonRaisesTheRunningChain_insteadOfStartingASecond() {
    ProcessInstance complaint = diamondComplaint();
    String orderNo = complaint.getBusinessKey();
    ProcessInstance escalation = escalationsOf(orderNo).get(0);

    clockAt("2026-11-20T18:01+08:00"); // the VIP first contact was due at 18:00
    fire(complaint, Timer_FirstContactDue);

    List<ProcessInstance> chains = escalationsOf(orderNo);
    assertThat(chains).extracting(ProcessInstance::getId).containsExactly(escalation.getId());
    assertThat(escalation).hasPassed(EscalationProcess.Task_RaiseChain)
        .isWaitingAt(EscalationProcess.Task_SuperviseEscalation);
    assertThat(candidateGroups(task(escalation, EscalationProcess.Task_SuperviseEscalation)))
        .containsExactly("department-manager");
    assertThat(taskService.createTaskQuery().processInstanceId(escalation.getId()).count()).isEqualTo(1);
    assertThat(escalationSteps(orderNo))
        .extracting(EscalationStep::reason, EscalationStep::level, EscalationStep::closedReason)
        .containsExactly(tuple("VIP", 1, EscalationRepository.CLOSED_RAISED), tuple("FIRST_CONTACT_OVERDUE", 2, null));
    assertThat(workOrders.get(orderNo).escalationLevel()).isEqualTo(2);
    assertThat(managementService.createJobQuery().processInstanceId(escalation.getId()).timers().count()).isEqualTo(1);
  }

  @Test
  void nothingIsSentToTheCustomerAboutAClosedOrder() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    String orderNo = complaint.getBusinessKey();
    handle(complaint);
    answerReturnVisit(complaint, "SATISFIED");
    int sentBefore = outbox(orderNo).size();

    // an escalation requested for an order already closed (e.g. by a channel system's late request)
    escalationRequests.request(orderNo, "VIP");
    escalationsOf(orderNo);

    assertThat(outbox(orderNo).subList(sentBefore, outbox(orderNo).size()))
        .extracting(row -> row.get("CHANNEL"), row -> row.get("TEMPLATE"))
        .containsExactly(tuple("STAFF", "ESCALATED"));
  }
}
