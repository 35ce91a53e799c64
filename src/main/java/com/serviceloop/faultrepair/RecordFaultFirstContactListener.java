package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the first contact: on time against its deadline. */
@Component("recordFaultFirstContact")
public class RecordFaultFirstContactListener implements TaskListener {

  private final WorkOrderRepository workOrders;

  public RecordFaultFirstContactListener(WorkOrderRepository workOrders) {
    this.workOrders = workOrders;
  }

  @Override
  public void notify(DelegateTask task) {
    String orderNo = CaseOrder.orderNo(task);
    workOrders.recordFirstContact(orderNo, WorkOrderRepository.now());
    workOrders.setStatus(orderNo, STATUS_CONTACTED);
  }
}
