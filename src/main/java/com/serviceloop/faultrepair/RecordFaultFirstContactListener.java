package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.sla.FirstContactCalls;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (complete) of the first contact: on time against its deadline. A call that did not reach the
 * customer ({@code contactResult} NOT_REACHED) is an attempt, never the contact ({@link FirstContactCalls} counts
 * every call): the model pauses the first-contact clock and calls again, as sla-pause decides.
 */
@Component("recordFaultFirstContact")
@RequiredArgsConstructor
public class RecordFaultFirstContactListener implements TaskListener {

  private final WorkOrderRepository workOrders;
  private final FirstContactCalls calls;

  @Override
  public void notify(DelegateTask task) {
    if (!calls.reached(task)) {
      return;
    }
    String orderNo = CaseOrder.orderNo(task);
    workOrders.recordFirstContact(orderNo, WorkOrderRepository.now());
    workOrders.setStatus(orderNo, STATUS_CONTACTED);
  }
}
