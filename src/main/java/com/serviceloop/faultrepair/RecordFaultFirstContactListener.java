package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (complete) of the first contact: on time against its deadline. A call that did not reach the
 * customer ({@code contactResult} NOT_REACHED) is an attempt, never the contact: the first contact stays open
 * on the work order (and counts as not made in time) until a call reaches the customer.
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
    if (NOT_REACHED.equals(task.getVariable(CONTACT_RESULT))) {
      workOrders.recordFirstContactAttempt(orderNo);
      return;
    }
    workOrders.recordFirstContact(orderNo, WorkOrderRepository.now());
    workOrders.setStatus(orderNo, STATUS_CONTACTED);
  }
}
