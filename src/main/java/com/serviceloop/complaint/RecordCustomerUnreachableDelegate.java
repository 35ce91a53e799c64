package com.serviceloop.complaint;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record customer unreachable: every call sla-pause allowed failed. The work order keeps the first contact
 * unmade (first_contact_result UNREACHABLE, first_contact_at empty); handling goes on without it.
 */
@Component("recordCustomerUnreachable")
public class RecordCustomerUnreachableDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  public RecordCustomerUnreachableDelegate(WorkOrderRepository workOrders) {
    this.workOrders = workOrders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    workOrders.recordFirstContactUnreachable(CaseOrder.orderNo(execution));
  }
}
