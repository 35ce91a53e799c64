package com.serviceloop.faultrepair;

import static com.serviceloop.faultrepair.FaultVariables.*;

import com.serviceloop.sla.SlaBreaches;
import com.serviceloop.workorder.CaseOrder;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A missed deadline (input parameters breachReason, breachDeadline): a breach row; a missed repair
 * also records the fee reduction the customer is owed (art. 33). */
@Component("recordFaultBreach")
@RequiredArgsConstructor
public class RecordFaultBreachDelegate implements JavaDelegate {

  private final SlaBreaches breaches;
  private final FaultOrders faults;

  @Override
  public void execute(DelegateExecution execution) {
    if (REPAIR_OVERDUE.equals(breaches.record(execution))) {
      faults.recordFeeReductionDue(CaseOrder.orderNo(execution));
    }
  }
}
