package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.CLOSURE_DUE;
import static com.serviceloop.complaint.ComplaintVariables.CLOSURE_TIME_MODE;
import static com.serviceloop.escalation.EscalationVariables.ESCALATION_NEW_DEADLINE;

import com.serviceloop.sla.SlaWarningTimes;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Apply instruction: the supervisor's instruction arrived (message EscalationInstruction, with
 * escalationInstruction, escalationLevel and escalationNewDeadline, now variables of this process).
 * A new deadline becomes the closure deadline: on the work order, in the text the forms show, on the
 * complaint's open tasks and on the Closure due timer; the closure warnings move with it (their timers'
 * due dates, at their shares of the span from now to the new deadline).
 */
@Component("applyEscalationInstruction")
@RequiredArgsConstructor
public class ApplyEscalationInstructionDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;
  private final SlaWarningTimes warningTimes;
  private final TaskService taskService;
  private final ManagementService managementService;

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(ESCALATION_NEW_DEADLINE);
    if (given == null || given instanceof String s && s.isBlank()) {
      return;
    }
    Instant newDeadline = deadlines.toInstant(given);
    Date due = Date.from(newDeadline);
    deadlines.set(execution, CLOSURE_DUE, newDeadline);
    workOrders.setClosureDue(CaseOrder.orderNo(execution), newDeadline);
    String processInstanceId = execution.getProcessInstanceId();
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      task.setDueDate(due);
      taskService.saveTask(task);
    }
    moveTimers(processInstanceId, ComplaintProcess.Timer_ClosureDue, newDeadline);
    // The closure warnings move with the deadline: at their shares of the span from now (the new target is
    // set now) to the new deadline, in the closure's time mode. A warning that already fired has no timer
    // left and stays recorded; the level reached is kept.
    if (warningTimes.has(execution, SlaClock.CLOSURE)) {
      Instant[] warnings = warningTimes.set(execution, SlaClock.CLOSURE, WorkOrderRepository.now(), newDeadline,
          (String) execution.getVariable(CLOSURE_TIME_MODE));
      workOrders.setWarningsDue(CaseOrder.orderNo(execution), SlaClock.CLOSURE, warnings[0], warnings[1], false);
      moveTimers(processInstanceId, ComplaintProcess.Timer_ClosureWarning1, warnings[0]);
      moveTimers(processInstanceId, ComplaintProcess.Timer_ClosureWarning2, warnings[1]);
    }
  }

  private void moveTimers(String processInstanceId, String timerId, Instant due) {
    for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId(timerId).timers().list()) {
      managementService.setJobDuedate(timer.getId(), Date.from(due));
    }
  }
}
