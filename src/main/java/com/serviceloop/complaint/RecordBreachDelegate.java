package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record breach: a deadline timer fired; the breach goes to sl_breach and the work goes on. The task's
 * input parameters say which: breachReason (FIRST_CONTACT_OVERDUE, CLOSURE_OVERDUE,
 * REGULATOR_REPLY_OVERDUE) and breachDeadline.
 */
@Component("recordBreach")
@RequiredArgsConstructor
public class RecordBreachDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;

  @Override
  public void execute(DelegateExecution execution) {
    Object deadline = execution.getVariable(BREACH_DEADLINE);
    workOrders.recordBreach(CaseOrder.orderNo(execution), (String) execution.getVariable(BREACH_REASON),
        deadline == null ? null : deadlines.toInstant(deadline), WorkOrderRepository.now());
  }
}
