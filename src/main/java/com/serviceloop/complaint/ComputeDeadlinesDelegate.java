package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;
import static com.serviceloop.complaint.intake.ComplaintIntakeFields.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compute deadlines: first contact and closure, counted from receivedAt with the limits and time modes
 * complaint-service-level decided. They become Date variables (the timers' timeDate and the tasks'
 * due dates) with the texts the forms show, and the work order's deadlines; resolution is due at the closure deadline, which is never
 * earlier than the first contact's. A working-time deadline that runs into a year without a holiday schedule
 * flags the work order (deadline_unscheduled_year).
 */
@Component("computeComplaintDeadlines")
public class ComputeDeadlinesDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;

  public ComputeDeadlinesDelegate(WorkOrderRepository workOrders, ComplaintDeadlines deadlines) {
    this.workOrders = workOrders;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant receivedAt = deadlines.toInstant(execution.getVariable(RECEIVED_AT));
    String firstContactMode = (String) execution.getVariable(FIRST_CONTACT_TIME_MODE);
    String closureMode = (String) execution.getVariable(CLOSURE_TIME_MODE);
    Instant firstContactDue = deadlines.due(receivedAt,
        (String) execution.getVariable(FIRST_CONTACT_LIMIT), firstContactMode);
    Instant closureDue = deadlines.closureNotBeforeFirstContact(
        deadlines.due(receivedAt, (String) execution.getVariable(CLOSURE_LIMIT), closureMode), firstContactDue);
    int priority = ((Number) execution.getVariable(PRIORITY)).intValue();
    deadlines.set(execution, FIRST_CONTACT_DUE, firstContactDue);
    deadlines.set(execution, CLOSURE_DUE, closureDue);
    String orderNo = CaseOrder.orderNo(execution);
    workOrders.setServiceLevel(orderNo, priority, firstContactDue, closureDue, closureDue);
    workOrders.flagUnscheduledYear(orderNo, deadlines.unscheduledYear(receivedAt, firstContactDue, firstContactMode));
    workOrders.flagUnscheduledYear(orderNo, deadlines.unscheduledYear(receivedAt, closureDue, closureMode));
  }
}
