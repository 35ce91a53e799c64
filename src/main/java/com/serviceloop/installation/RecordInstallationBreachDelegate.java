package com.serviceloop.installation;

import static com.serviceloop.installation.InstallationVariables.*;
import static com.serviceloop.installation.InstallationSteps.*;
import static com.serviceloop.workorder.CaseContracts.BREACH_REASON;
import static com.serviceloop.workorder.CaseContracts.BREACH_DEADLINE;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A missed deadline (input parameters breachReason, breachDeadline): a breach row; the work goes on. */
@Component("recordInstallationBreach")
@RequiredArgsConstructor
public class RecordInstallationBreachDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    workOrders.recordBreach(orderNo(execution), string(execution, BREACH_REASON),
        Moments.toInstant(execution.getVariable(BREACH_DEADLINE), calendar.zone()), WorkOrderRepository.now());
  }
}
