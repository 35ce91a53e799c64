package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.serviceloop.ServiceLoopTest;
import com.serviceloop.escalation.EscalationProcess;
import com.serviceloop.escalation.EscalationRepository.EscalationStep;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Escalation (投诉处理升级机制): at intake, up the levels, and the instruction flowing back. */
@ServiceLoopTest
class ComplaintEscalationTest extends ComplaintProcessTestSupport {

  @Test
  void aRepeatComplaintFromTheSamePhoneWithin30DaysIsEscalatedAtIntake() {
    String phone = newPhone();
    Map<String, Object> earlier = intake(phone);
    earlier.put("receivedAt", "2026-10-25T11:00+08:00");
    clockAt("2026-10-25T11:05+08:00"); // recorded the day it was received (the intake window is a week)
    ProcessInstance first = startComplaint(earlier);
    clockAt("2026-11-20T17:05+08:00");
    assertThat(first).hasNotPassed(Task_EscalateAtIntake);

    ProcessInstance repeat = startComplaint(intake(phone));

    assertThat(repeat).hasPassed(Task_EscalateAtIntake).isWaitingAt(Task_FirstContact);
    assertThat(runtimeService.getVariable(repeat.getId(), "repeatComplaint")).isEqualTo(true);
    assertThat(escalationsOf(orderNo(repeat))).hasSize(1);
    assertThat(escalationSteps(orderNo(repeat))).extracting(EscalationStep::reason).containsExactly("REPEAT_COMPLAINT");
    assertThat(escalationsOf(orderNo(first))).isEmpty();
  }

  @Test
  void aComplaintFromTheSamePhoneMoreThan30DaysLaterIsNoRepeat() {
    String phone = newPhone();
    Map<String, Object> earlier = intake(phone);
    earlier.put("receivedAt", "2026-10-20T16:00+08:00");
    clockAt("2026-10-20T16:05+08:00"); // recorded the day it was received (the intake window is a week)
    startComplaint(earlier);
    clockAt("2026-11-20T17:05+08:00");

    ProcessInstance later = startComplaint(intake(phone));

    assertThat(later).hasNotPassed(Task_EscalateAtIntake);
    assertThat(runtimeService.getVariable(later.getId(), "repeatComplaint")).isEqualTo(false);
  }

  @Test
  void aDiamondCustomersComplaintIsEscalatedAtIntake() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");
    ProcessInstance complaint = startComplaint(intake);

    assertThat(complaint).hasPassed(Task_EscalateAtIntake).isWaitingAt(Task_FirstContact);
    // the VIP service level: first contact within 1 working hour, the last one of Friday
    assertThat(task(complaint, Task_FirstContact).getDueDate()).isEqualTo(at("2026-11-20T18:00+08:00"));
    assertThat(task(complaint, Task_FirstContact).getPriority()).isEqualTo(80);
    String orderNo = orderNo(complaint);
    assertThat(escalationsOf(orderNo)).hasSize(1);
    assertThat(escalationSteps(orderNo)).extracting(EscalationStep::reason, EscalationStep::groupId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("VIP", "shift-lead"));
  }

  @Test
  void aRegulatorReferralIsEscalatedToTheDepartmentManagerAtIntake() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("channel", "REGULATOR");
    intake.put("regulatorReference", "工信部申〔2026〕0123号");
    intake.put("regulatorReplyDue", "2026-11-25T17:00+08:00");
    ProcessInstance complaint = startComplaint(intake);

    assertThat(complaint).hasPassed(Task_EscalateAtIntake);
    String orderNo = orderNo(complaint);
    ProcessInstance escalation = escalationsOf(orderNo).get(0);
    assertThat(candidateGroups(task(escalation, EscalationProcess.Task_SuperviseEscalation)))
        .containsExactly("department-manager");
    assertThat(escalationSteps(orderNo)).extracting(EscalationStep::reason, EscalationStep::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("REGULATOR_REFERRAL", 2));
    assertThat(workOrder(complaint).firstContactOwner()).isEqualTo("service-supervision");
  }

  @Test
  void anUnansweredLevelGoesUpToTheNextLevel() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");
    ProcessInstance complaint = startComplaint(intake);
    String orderNo = orderNo(complaint);
    ProcessInstance escalation = escalationsOf(orderNo).get(0);
    Task shiftLead = task(escalation, EscalationProcess.Task_SuperviseEscalation);
    // Friday 17:05 + 2 working hours = Monday 10:05
    assertThat(shiftLead.getDueDate()).isEqualTo(at("2026-11-23T10:05+08:00"));

    clockAt("2026-11-23T10:06+08:00");
    fire(escalation, EscalationProcess.Timer_LevelUnanswered);
    executeDueJobs(escalation);

    assertThat(escalation).hasPassed(EscalationProcess.Task_GoUpALevel)
        .isWaitingAt(EscalationProcess.Task_SuperviseEscalation);
    Task departmentManager = task(escalation, EscalationProcess.Task_SuperviseEscalation);
    assertThat(candidateGroups(departmentManager)).containsExactly("department-manager");
    assertThat(departmentManager.getDueDate()).isEqualTo(at("2026-11-23T14:06+08:00"));
    assertThat(escalationSteps(orderNo)).extracting(EscalationStep::reason, EscalationStep::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("VIP", 1),
            org.assertj.core.groups.Tuple.tuple("LEVEL_UNANSWERED", 2));
    assertThat(workOrder(complaint).escalationLevel()).isEqualTo(2);
  }

  @Test
  void theSupervisorsNewDeadlineFlowsBackToTheComplaint() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");
    ProcessInstance complaint = startComplaint(intake);
    String orderNo = orderNo(complaint);
    firstContact(complaint);
    assertThat(task(complaint, Task_ResolveComplaint).getDueDate()).isEqualTo(at("2026-11-23T17:00+08:00"));
    ProcessInstance escalation = escalationsOf(orderNo).get(0);

    complete(escalation, EscalationProcess.Task_SuperviseEscalation, Map.of(
        "escalationInstruction", "今日内上门处理并回复客户", "escalationNewDeadline", "2026-11-21T12:00+08:00"));

    assertThat(escalation).hasPassed(EscalationProcess.Task_ReturnInstruction).isEnded();
    assertThat(complaint).hasPassed(Task_ApplyInstruction).isWaitingAt(Task_ResolveComplaint);
    Date newDeadline = at("2026-11-21T12:00+08:00");
    assertThat(runtimeService.getVariable(complaint.getId(), "closureDue")).isEqualTo(newDeadline);
    assertThat(runtimeService.getVariable(complaint.getId(), "escalationInstruction"))
        .isEqualTo("今日内上门处理并回复客户");
    assertThat(task(complaint, Task_ResolveComplaint).getDueDate()).isEqualTo(newDeadline);
    assertThat(taskService.getVariable(task(complaint, Task_ResolveComplaint).getId(), "closureDue"))
        .as("the deadline the resolution form shows").isEqualTo(newDeadline);
    assertThat(timer(complaint, Timer_ClosureDue).getDuedate()).isEqualTo(newDeadline);
    assertThat(workOrder(complaint).closureDue()).isEqualTo(newDeadline.toInstant());
    List<EscalationStep> steps = escalationSteps(orderNo);
    assertThat(steps.get(0).answeredAt()).isNotNull();
    assertThat(steps.get(0).instruction()).isEqualTo("今日内上门处理并回复客户");
    assertThat(steps.get(0).newDeadline()).isEqualTo(newDeadline.toInstant());
  }

  @Test
  void anInstructionWithoutANewDeadlineLeavesTheDeadlinesAlone() {
    Map<String, Object> intake = intake(newPhone());
    intake.put("customerTier", "DIAMOND");
    ProcessInstance complaint = startComplaint(intake);
    ProcessInstance escalation = escalationsOf(orderNo(complaint)).get(0);
    Date before = task(complaint, Task_FirstContact).getDueDate();

    complete(escalation, EscalationProcess.Task_SuperviseEscalation,
        Map.of("escalationInstruction", "按时限处理即可"));

    assertThat(complaint).hasPassed(Task_ApplyInstruction);
    assertThat(task(complaint, Task_FirstContact).getDueDate()).isEqualTo(before);
    assertThat(runtimeService.getVariable(complaint.getId(), "escalationInstruction")).isEqualTo("按时限处理即可");
  }
}
