package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;
import static com.serviceloop.complaint.intake.ComplaintIntakeFields.*;

import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.sla.SlaWarningTimes;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compute deadlines: first contact and closure, counted from receivedAt with the limits and time modes
 * complaint-service-level decided. They become Date variables (the timers' timeDate and the tasks'
 * due dates) with the texts the forms show, and the work order's deadlines; resolution is due at the closure deadline, which is never
 * later than a regulator referral's reply deadline nor earlier than the first contact's. A working-time deadline that runs into a year without a holiday schedule
 * flags the work order (deadline_unscheduled_year). Each clock's two warnings (the shares sla-warning decided,
 * in the clock's own time mode) become Date variables for the warning timers and the work order's warn columns.
 */
@Component("computeComplaintDeadlines")
@RequiredArgsConstructor
public class ComputeDeadlinesDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;
  private final SlaWarningTimes warningTimes;

  @Override
  public void execute(DelegateExecution execution) {
    Instant receivedAt = deadlines.toInstant(execution.getVariable(RECEIVED_AT));
    String firstContactMode = (String) execution.getVariable(FIRST_CONTACT_TIME_MODE);
    String closureMode = (String) execution.getVariable(CLOSURE_TIME_MODE);
    Instant firstContactDue = deadlines.due(receivedAt,
        (String) execution.getVariable(FIRST_CONTACT_LIMIT), firstContactMode);
    Instant closureDue = deadlines.closureNotBeforeFirstContact(deadlines.notAfterRegulatorReply(
        deadlines.due(receivedAt, (String) execution.getVariable(CLOSURE_LIMIT), closureMode),
        execution.getVariable(REGULATOR_REPLY_DUE)), firstContactDue);
    int priority = ((Number) execution.getVariable(PRIORITY)).intValue();
    deadlines.set(execution, FIRST_CONTACT_DUE, firstContactDue);
    deadlines.set(execution, CLOSURE_DUE, closureDue);
    String orderNo = CaseOrder.orderNo(execution);
    Instant[] firstContactWarnings = warningTimes.set(execution, SlaClock.FIRST_CONTACT, receivedAt,
        firstContactDue, firstContactMode);
    Instant[] closureWarnings = warningTimes.set(execution, SlaClock.CLOSURE, receivedAt, closureDue, closureMode);
    // one UPDATE of the work order (issue 12)
    workOrders.changes(orderNo)
        .serviceLevel(priority, firstContactDue, TimeMode.of(firstContactMode).name(), closureDue, closureDue,
            TimeMode.of(closureMode).name())
        .unscheduledYear(deadlines.unscheduledYear(receivedAt, firstContactDue, firstContactMode))
        .unscheduledYear(deadlines.unscheduledYear(receivedAt, closureDue, closureMode))
        .warningsDue(SlaClock.FIRST_CONTACT, firstContactWarnings[0], firstContactWarnings[1], true)
        .warningsDue(SlaClock.CLOSURE, closureWarnings[0], closureWarnings[1], true)
        .apply();
  }
}
