package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (complete) of the first contact: on time against its deadline. A call that did not reach the
 * customer ({@code contactResult} NOT_REACHED) is an attempt, never the contact ({@code contactAttempts} counts
 * every call): the model pauses the first-contact clock and calls again, as sla-pause decides.
 */
@Component("recordFaultFirstContact")
public class RecordFaultFirstContactListener implements TaskListener {

  private final WorkOrderRepository workOrders;

  public RecordFaultFirstContactListener(WorkOrderRepository workOrders) {
    this.workOrders = workOrders;
  }

  @Override
  public void notify(DelegateTask task) {
    String orderNo = CaseOrder.orderNo(task);
    Object attempts = task.getVariable(CONTACT_ATTEMPTS);
    task.getExecution().setVariable(CONTACT_ATTEMPTS, (attempts instanceof Number n ? n.intValue() : 0) + 1);
    if (NOT_REACHED.equals(task.getVariable(CONTACT_RESULT))) {
      workOrders.recordFirstContactAttempt(orderNo);
      return;
    }
    workOrders.recordFirstContact(orderNo, WorkOrderRepository.now());
    workOrders.setStatus(orderNo, STATUS_CONTACTED);
  }
}
