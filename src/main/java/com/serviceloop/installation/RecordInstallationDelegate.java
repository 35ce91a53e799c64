package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;

import com.serviceloop.common.Moments;
import com.serviceloop.coverage.CoverageService;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Installed: the port is taken, completion and on-site payment recorded, in the task's transaction. */
@Component("recordInstallation")
@RequiredArgsConstructor
public class RecordInstallationDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final InstallationDeadlines deadlines;
  private final CoverageService coverage;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    Instant now = WorkOrderRepository.now();
    if (!Boolean.TRUE.equals(execution.getVariable(PAID_AT_HALL))) {
      String method = string(execution, PAYMENT_METHOD);
      BigDecimal amount = BroadbandOrderRequest.decimal(execution.getVariable(PAYMENT_AMOUNT));
      if (method == null || amount == null || amount.signum() < 0) {
        throw new IllegalArgumentException("An order paid on site needs " + PAYMENT_METHOD + " (POS, CASH) and "
            + PAYMENT_AMOUNT + " >= 0");
      }
      orders.recordOnSitePayment(orderNo, PaymentMethod.valueOf(method).name(), amount);
    }
    coverage.consume(orderNo);   // the port reserved at acceptance; never refused at this point
    workOrders.recordCompletion(orderNo, now);   // on time against the internal target (装机及时率)
    workOrders.setStatus(orderNo, STATUS_INSTALLED);
    execution.setVariable(RETURN_ORDER_DUE,
        Moments.toDate(deadlines.requiredDue(execution, Milestone.RETURN_ORDER, now)));
  }
}
