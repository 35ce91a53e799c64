package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;
import static com.serviceloop.workorder.CaseContracts.RETURN_VISIT_DUE;

import com.serviceloop.common.Moments;
import com.serviceloop.installation.InstallationDeadlines.Milestone;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At closure: liquidated damages for a late installation, and the return visit's group and deadline. */
@Component("computeInstallationRemedy")
@RequiredArgsConstructor
public class ComputeInstallationRemedyDelegate implements JavaDelegate {

  private final InstallationOrders orders;
  private final InstallationDeadlines deadlines;
  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = orderNo(execution);
    Map<String, Object> row = orders.row(orderNo);
    Object rate = execution.getVariable(DAMAGES_RATE);
    InstallationService.Remedy remedy = InstallationService.remedy(
        orders.installationDue(orderNo), workOrders.get(orderNo).completedAt(),
        rate == null ? 0 : ((Number) rate).doubleValue(), (BigDecimal) row.get("PAYMENT_AMOUNT"));
    workOrders.recordRemedy(orderNo, remedy.amount());
    orders.recordDaysLate(orderNo, remedy.daysLate());
    execution.setVariable(REMEDY_AMOUNT, remedy.amount().doubleValue());
    execution.setVariable(RETURN_VISIT_DUE, Moments.toDate(
        deadlines.requiredDue(execution, Milestone.RETURN_VISIT, WorkOrderRepository.now())));
  }
}
