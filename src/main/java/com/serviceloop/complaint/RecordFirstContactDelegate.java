package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.sla.FirstContactCalls;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record first contact: a call to the customer, counted by {@link FirstContactCalls}. A call that did not
 * reach the customer (NOT_REACHED) is an attempt, never the contact: the model pauses the clock and calls
 * again. A reached customer is the first contact (on time against first_contact_due, as the pauses moved it)
 * and, when the case needs a visit, the appointment agreed (appointmentAt becomes a Date: the visit's due date)
 * and whether that later date was the customer's wish ({@code laterAtCustomersRequest}: the model then pauses the
 * closure clock until it).
 */
@Component("recordFirstContact")
@RequiredArgsConstructor
public class RecordFirstContactDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;
  private final FirstContactCalls calls;

  @Override
  public void execute(DelegateExecution execution) {
    if (!calls.reached(execution)) {
      execution.setVariable(NEEDS_ON_SITE_VISIT, false);
      if (execution.hasVariable(LATER_AT_CUSTOMERS_REQUEST)) {
        execution.setVariable(LATER_AT_CUSTOMERS_REQUEST, false);
      }
      return;
    }
    WorkOrderRepository.Changes changes = workOrders.changes(CaseOrder.orderNo(execution)).firstContact(WorkOrderRepository.now());
    boolean needsVisit = isTrue(execution.getVariable(NEEDS_ON_SITE_VISIT));
    execution.setVariable(NEEDS_ON_SITE_VISIT, needsVisit);
    if (execution.hasVariable(LATER_AT_CUSTOMERS_REQUEST)) { // only a form that showed the box sends it
      execution.setVariable(LATER_AT_CUSTOMERS_REQUEST, needsVisit && isTrue(execution.getVariable(LATER_AT_CUSTOMERS_REQUEST)));
    }
    if (needsVisit) {
      Instant appointmentAt = deadlines.toInstant(execution.getVariable(APPOINTMENT_AT));
      execution.setVariable(APPOINTMENT_AT, Date.from(appointmentAt));
      changes.appointment(appointmentAt);
    }
    changes.apply(); // the contact and its appointment in one UPDATE (issue 12)
  }

  /** A checkbox as a form or the engine REST API sends it: true, or the text "true". */
  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
