package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Close complaint: the final status (input parameter closureStatus) and on time against closure_due. */
@Component("closeComplaint")
@RequiredArgsConstructor
public class CloseComplaintDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    workOrders.recordClosure(CaseOrder.orderNo(execution), (String) execution.getVariable(CLOSURE_STATUS),
        WorkOrderRepository.now());
  }
}
