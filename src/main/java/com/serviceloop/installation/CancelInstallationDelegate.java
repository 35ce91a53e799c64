package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.common.ModelInputs;
import com.serviceloop.coverage.CoverageService;
import com.serviceloop.notification.CustomerSms;
import com.serviceloop.notification.NotifyCustomerDelegate;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The failed visit is not repeated: the order is cancelled, its reserved port released, the customer
 * told by SMS, the work order closed as CANCELLED (reached through the fulfilment's error boundary,
 * which also ends its deadline timers).
 */
@ModelInputs(NotifyCustomerDelegate.MESSAGE)
@Component("cancelInstallation")
@RequiredArgsConstructor
public class CancelInstallationDelegate implements JavaDelegate {

  private final CoverageService coverage;
  private final CustomerSms sms;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    coverage.release(orderNo);
    sms.send(execution, "BROADBAND_CANCELLED");
    workOrders.recordClosure(orderNo, STATUS_CANCELLED, WorkOrderRepository.now());
  }
}
