package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Enters the order in PBOSS (asynchronous step: a failing order system becomes an incident). */
@Component("enterOrderInOrderSystem")
@RequiredArgsConstructor
public class EnterOrderInOrderSystemDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final WorkOrderRepository workOrders;
  private final OrderSystemPort orderSystem;

  @Override
  public void execute(DelegateExecution execution) {
    boolean paid = Boolean.TRUE.equals(execution.getVariable(PAID_AT_HALL));
    String systemNo = orderSystem.enterOrder(orderNo(execution), string(execution, REGION),
        string(execution, BROADBAND_PACKAGE), paid ? null : NOT_PAID_REMARK);
    execution.setVariable(ORDER_SYSTEM_NO, systemNo);
    orders.recordOrderSystemNo(orderNo(execution), systemNo);
    workOrders.setStatus(orderNo(execution), STATUS_ENTERED);
  }
}
