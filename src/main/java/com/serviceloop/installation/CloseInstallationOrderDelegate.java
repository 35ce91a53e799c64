package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the work order after the return visit. Timely handling (工单处理及时率) judges an installation by
 * the customer promise (installation_due, 3 natural days), not by a closure deadline.
 */
@Component("closeInstallationOrder")
@RequiredArgsConstructor
public class CloseInstallationOrderDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    workOrders.recordClosureJudgedByCompletion(orderNo(execution), STATUS_CLOSED,
        WorkOrderRepository.now(), orders.installationDue(orderNo(execution)));
  }
}
