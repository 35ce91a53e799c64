package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record first contact: when it happened (on time against first_contact_due) and, when the case needs
 * a visit, the appointment agreed with the customer (appointmentAt becomes a Date: the visit task's due date).
 */
@Component("recordFirstContact")
public class RecordFirstContactDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;

  public RecordFirstContactDelegate(WorkOrderRepository workOrders, ComplaintDeadlines deadlines) {
    this.workOrders = workOrders;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    workOrders.recordFirstContact(orderNo, WorkOrderRepository.now());
    boolean needsVisit = Boolean.TRUE.equals(execution.getVariable(NEEDS_ON_SITE_VISIT))
        || "true".equals(execution.getVariable(NEEDS_ON_SITE_VISIT));
    execution.setVariable(NEEDS_ON_SITE_VISIT, needsVisit);
    if (needsVisit) {
      Instant appointmentAt = deadlines.toInstant(execution.getVariable(APPOINTMENT_AT));
      execution.setVariable(APPOINTMENT_AT, Date.from(appointmentAt));
      workOrders.recordAppointment(orderNo, appointmentAt);
    }
  }
}
