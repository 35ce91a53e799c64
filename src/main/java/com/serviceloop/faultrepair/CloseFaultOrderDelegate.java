package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Close order: timely handling (工单处理及时率) judges a repair by its repair limit (48 h urban, 72 h rural). */
@Component("closeFaultOrder")
@RequiredArgsConstructor
public class CloseFaultOrderDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    workOrders.recordClosureJudgedByCompletion(orderNo, STATUS_CLOSED, WorkOrderRepository.now(),
        workOrders.get(orderNo).completionDue());
  }
}
