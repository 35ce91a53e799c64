package com.serviceloop.sla;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record customer unreachable: every first-contact call sla-pause allowed failed (a complaint, a fault repair).
 * The work order keeps the first contact unmade (first_contact_result UNREACHABLE, first_contact_at empty);
 * handling goes on without it.
 */
@Component("recordCustomerUnreachable")
@RequiredArgsConstructor
public class RecordCustomerUnreachableDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    workOrders.recordFirstContactUnreachable(CaseOrder.orderNo(execution));
  }
}
