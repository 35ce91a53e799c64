package com.serviceloop.returnvisit;

import static com.serviceloop.returnvisit.ReturnVisitVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record outcome: the satisfaction the call found (SATISFIED, UNSATISFIED, UNREACHABLE) and when, on the
 * work order; counts the call in returnVisitAttempts. Whether to call again is the model's gateway.
 */
@Component("recordReturnVisitOutcome")
@RequiredArgsConstructor
public class RecordReturnVisitOutcomeDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    Object attempts = execution.getVariable(RETURN_VISIT_ATTEMPTS);
    execution.setVariable(RETURN_VISIT_ATTEMPTS, attempts == null ? 1 : ((Number) attempts).intValue() + 1);
    workOrders.recordSatisfaction(CaseOrder.orderNo(execution),
        (String) execution.getVariable(RETURN_VISIT_OUTCOME), WorkOrderRepository.now());
  }
}
