package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.workorder.WorkOrder;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * complaint-handling: the happy path (received Friday 17:00, closed after a satisfied return visit) and
 * the detours inside the handling: triage, on-site visit, service commitment, the intake agent as owner.
 */
@ServiceLoopTest
class ComplaintHandlingProcessTest extends ComplaintProcessTestSupport {

  @Autowired IdentityService identityService;

  @Test
  void complaintIsRoutedContactedResolvedRepliedAndClosed() {
    String phone = newPhone();
    ProcessInstance complaint = startComplaint(intake(phone));
    String orderNo = orderNo(complaint);

    assertThat(orderNo).matches("CMP-\\d{6}");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getId()).singleResult()
        .getBusinessKey()).isEqualTo(orderNo);
    assertThat(complaint).hasPassed(Task_RegisterComplaint, Task_RouteComplaint, Task_DetermineServiceLevel,
        Task_ComputeDeadlines, Task_CheckRepeatComplaint).hasNotPassed(Task_TriageComplaint, Task_EscalateAtIntake);
    assertThat(complaint).isWaitingAt(Task_FirstContact);

    // First contact: the responsible department, within 2 working hours → Monday 10:00
    Task firstContact = task(complaint, Task_FirstContact);
    assertThat(candidateGroups(firstContact)).containsExactly("dept-network-assurance");
    assertThat(firstContact.getDueDate()).isEqualTo(at("2026-11-23T10:00+08:00"));
    assertThat(firstContact.getPriority()).isEqualTo(50);
    assertThat(timer(complaint, Timer_FirstContactDue).getDuedate()).isEqualTo(at("2026-11-23T10:00+08:00"));
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(at("2026-11-27T17:00+08:00"));

    WorkOrder registered = workOrders.get(orderNo);
    assertThat(registered.status()).isEqualTo("OPEN");
    assertThat(registered.customerPhone()).isEqualTo(phone);
    assertThat(registered.category()).isEqualTo("NETWORK_QUALITY");
    assertThat(registered.detailsJson()).contains("\"location\"").contains("张江路");
    assertThat(registered.receivedAt()).isEqualTo(at(FRIDAY_17_00).toInstant());
    assertThat(registered.assuranceModule()).isEqualTo("NETWORK_ASSURANCE");
    assertThat(registered.responsibleGroup()).isEqualTo("dept-network-assurance");
    assertThat(registered.firstContactOwner()).isEqualTo("hotline");
    assertThat(registered.priority()).isEqualTo(50);
    assertThat(registered.firstContactDue()).isEqualTo(at("2026-11-23T10:00+08:00").toInstant());
    assertThat(registered.closureDue()).isEqualTo(at("2026-11-27T17:00+08:00").toInstant());

    // Monday 09:30: first contact, no visit needed → resolution in the same department
    clockAt("2026-11-23T09:30+08:00");
    firstContact(complaint);
    assertThat(complaint).isWaitingAt(Task_ResolveComplaint);
    Task resolve = task(complaint, Task_ResolveComplaint);
    assertThat(candidateGroups(resolve)).containsExactly("dept-network-assurance");
    assertThat(resolve.getDueDate()).isEqualTo(at("2026-11-27T17:00+08:00"));

    clockAt("2026-11-24T15:00+08:00");
    resolve(complaint, "NETWORK_FAULT", 0);
    // The reply goes back to the first-contact point (首问负责): the hotline
    Task reply = task(complaint, Task_ReplyToCustomer);
    assertThat(candidateGroups(reply)).containsExactly("hotline");
    assertThat(reply.getAssignee()).isNull();
    assertThat(reply.getDueDate()).isEqualTo(at("2026-11-27T17:00+08:00"));
    reply(complaint);

    // Return visit by the hotline within 24 hours
    assertThat(complaint).isWaitingAt(Task_ReturnVisit);
    Task call = task(returnVisit(complaint), com.serviceloop.returnvisit.ReturnVisitProcess.Task_CallCustomer);
    assertThat(candidateGroups(call)).containsExactly("hotline");
    assertThat(call.getDueDate()).isEqualTo(at("2026-11-25T15:00+08:00"));
    answerReturnVisit(complaint, "SATISFIED");

    assertThat(complaint).hasPassed(Task_CloseComplaint).isEnded();
    assertThat(complaint).hasPassed(EndEvent_ComplaintClosed);
    WorkOrder closed = workOrders.get(orderNo);
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.firstContactAt()).isEqualTo(at("2026-11-23T09:30+08:00").toInstant());
    assertThat(closed.firstContactOnTime()).isTrue();
    assertThat(closed.completedAt()).isEqualTo(at("2026-11-24T15:00+08:00").toInstant());
    assertThat(closed.completionOnTime()).isTrue();
    assertThat(closed.closureOnTime()).isTrue();
    assertThat(closed.satisfaction()).isEqualTo("SATISFIED");
    assertThat(closed.surveyedAt()).isNotNull();
    assertThat(closed.rounds()).isEqualTo(1);
    assertThat(closed.rootCause()).isEqualTo("NETWORK_FAULT");
    assertThat(closed.responsibleParty()).isEqualTo("网络优化中心");
    assertThat(closed.escalationLevel()).isZero();
    assertThat(workOrders.breachReasons(orderNo)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count()).isZero();
  }

  @Test
  void anUnroutableComplaintIsTriagedByServiceSupervision() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("category", "OTHER");
    intake.remove("location");
    intake.put("subject", "营业厅装修噪音");
    ProcessInstance complaint = startComplaint(intake);

    assertThat(complaint).isWaitingAt(Task_TriageComplaint);
    Task triage = task(complaint, Task_TriageComplaint);
    assertThat(candidateGroups(triage)).containsExactly("service-supervision");
    assertThat(triage.getDueDate()).isEqualTo(at("2026-11-20T19:05+08:00"));

    complete(complaint, Task_TriageComplaint, Map.of("assuranceModule", "BUSINESS_MANAGEMENT",
        "responsibleGroup", "dept-business-management", "triageNote", "按业务管理处理"));

    assertThat(complaint).isWaitingAt(Task_FirstContact);
    assertThat(candidateGroups(task(complaint, Task_FirstContact))).containsExactly("dept-business-management");
    WorkOrder order = workOrder(complaint);
    assertThat(order.assuranceModule()).isEqualTo("BUSINESS_MANAGEMENT");
    assertThat(order.responsibleGroup()).isEqualTo("dept-business-management");
    assertThat(order.detailsJson()).contains("营业厅装修噪音");
  }

  @Test
  void anOnSiteVisitIsDueAtTheAppointmentAgreedWithTheCustomer() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));
    clockAt("2026-11-23T09:15+08:00");

    complete(complaint, Task_FirstContact, Map.of("contactResult", "REACHED", "contactNote", "需上门测试信号",
        "needsOnSiteVisit", true, "appointmentAt", "2026-11-24T14:30+08:00"));

    assertThat(complaint).isWaitingAt(Task_VisitCustomer);
    Task visit = task(complaint, Task_VisitCustomer);
    assertThat(visit.getDueDate()).isEqualTo(at("2026-11-24T14:30+08:00"));
    assertThat(candidateGroups(visit)).containsExactly("dept-network-assurance");
    WorkOrder order = workOrder(complaint);
    assertThat(order.onSiteAppointment()).isTrue();
    assertThat(order.appointmentAt()).isEqualTo(at("2026-11-24T14:30+08:00").toInstant());
    assertThat(order.firstContactOnTime()).isTrue();

    complete(complaint, Task_VisitCustomer, Map.of("visitNote", "已上门,更换室内分布天线"));
    assertThat(complaint).isWaitingAt(Task_ResolveComplaint);
  }

  @Test
  void aBillingErrorIsRefundedDouble() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("category", "BILLING");
    intake.remove("location");
    intake.put("billingMonth", "2026-10");
    intake.put("disputedAmount", 12.5);
    ProcessInstance complaint = startComplaint(intake);
    assertThat(candidateGroups(task(complaint, Task_FirstContact))).containsExactly("dept-system-support");
    firstContact(complaint);

    resolve(complaint, "BILLING_ERROR", 12.50);

    assertThat(complaint).hasPassed(Task_ApplyServiceCommitment, Task_RecordResolution);
    WorkOrder order = workOrder(complaint);
    assertThat(order.commitment()).isEqualTo("DOUBLE_REFUND");
    assertThat(order.compensationAmount()).isEqualByComparingTo("25.00");
    assertThat(order.compensationAmount().scale()).isEqualTo(2);
    assertThat(order.detailsJson()).contains("\"billingMonth\":\"2026-10\"");
    // the work order keeps them: the case carries no leftover commitment or compensation variables
    assertThat(runtimeService.getVariables(complaint.getId()))
        .doesNotContainKeys("commitment", "compensationFactor", "compensationAmount");
  }

  @Test
  void theIntakeAgentOwnsTheReplyWhenInTheFirstContactGroup() {
    String agent = "agent" + newPhone();
    boolean groupExisted = identityService.createGroupQuery().groupId("hotline").count() > 0;
    if (!groupExisted) {
      identityService.saveGroup(identityService.newGroup("hotline"));
    }
    identityService.saveUser(identityService.newUser(agent));
    identityService.createMembership(agent, "hotline");
    try {
      Map<String, Object> intake = intake(newPhone());
      intake.put("initiator", agent);
      ProcessInstance complaint = startComplaint(intake);
      assertThat(workOrder(complaint).firstContactOwner()).isEqualTo(agent);

      firstContact(complaint);
      resolve(complaint, "NETWORK_FAULT", 0);

      Task reply = task(complaint, Task_ReplyToCustomer);
      assertThat(reply.getAssignee()).isEqualTo(agent);
      assertThat(candidateGroups(reply)).containsExactly("hotline");
    } finally {
      identityService.deleteUser(agent);
      if (!groupExisted) {
        identityService.deleteGroup("hotline");
      }
    }
  }

  @Test
  void formsShowDeadlinesInShanghaiTimeAndCannotReplaceThem() {
    ProcessInstance complaint = startComplaint(intake(newPhone()));

    // The form shows the deadlines as text in Shanghai time; should a client send them back, they stay text
    assertThat(runtimeService.getVariables(task(complaint, Task_FirstContact).getExecutionId()))
        .containsEntry("firstContactDueText", "2026-11-23 10:00 周一 (+08:00)")
        .containsEntry("closureDueText", "2026-11-27 17:00 周五 (+08:00)");
    complete(complaint, Task_FirstContact, Map.of("contactResult", "REACHED", "contactNote", "已联系",
        "needsOnSiteVisit", false, "firstContactDueText", "tampered", "closureDueText", "tampered"));

    assertThat(runtimeService.getVariable(complaint.getId(), "closureDue")).isEqualTo(at("2026-11-27T17:00+08:00"));
    assertThat(runtimeService.getVariable(complaint.getId(), "firstContactDue"))
        .isEqualTo(at("2026-11-23T10:00+08:00"));
    assertThat(task(complaint, Task_ResolveComplaint).getDueDate()).isEqualTo(at("2026-11-27T17:00+08:00"));
  }
}
