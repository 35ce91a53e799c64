package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.common.ModelInputs;
import com.serviceloop.coverage.CoverageResult;
import com.serviceloop.coverage.CoverageService;
import com.serviceloop.notification.CustomerSms;
import com.serviceloop.notification.NotifyCustomerDelegate;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No coverage or no free port: the demand recorded, the customer told (the task's notificationMessage in the
 * model: one text per outcome, on each of the two tasks), the order closed.
 */
@ModelInputs(NotifyCustomerDelegate.MESSAGE)
@Component("recordUnmetDemand")
@RequiredArgsConstructor
public class RecordUnmetDemandDelegate implements JavaDelegate {

  private final CoverageService coverage;
  private final CustomerSms sms;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    CoverageResult result = CoverageResult.valueOf(string(execution, COVERAGE_RESULT));
    coverage.recordDemand(orderNo, result, string(execution, REGION), string(execution, COMPOUND),
        string(execution, BUILDING), string(execution, ROOM), string(execution, CUSTOMER_PHONE));
    sms.send(execution, "BROADBAND_" + result.name());
    workOrders.recordClosure(orderNo, result.name(), WorkOrderRepository.now());
  }
}
