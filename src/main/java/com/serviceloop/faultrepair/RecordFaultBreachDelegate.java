package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;
import static com.serviceloop.workorder.CaseContracts.BREACH_REASON;
import static com.serviceloop.workorder.CaseContracts.BREACH_DEADLINE;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A missed deadline (input parameters breachReason, breachDeadline): a breach row; a missed repair
 * also records the fee reduction the customer is owed (art. 33). */
@Component("recordFaultBreach")
@RequiredArgsConstructor
public class RecordFaultBreachDelegate implements JavaDelegate {

  private final FaultOrders faults;
  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    String reason = (String) execution.getVariable(BREACH_REASON);
    workOrders.recordBreach(orderNo, reason,
        Moments.toInstant(execution.getVariable(BREACH_DEADLINE), calendar.zone()), WorkOrderRepository.now());
    if (REPAIR_OVERDUE.equals(reason)) {
      faults.recordFeeReductionDue(orderNo);
    }
  }
}
