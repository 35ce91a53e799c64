package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record resolution (投诉责任查究): the result, root cause and responsible party, the service commitment
 * service-commitment.dmn chose and its compensation (factor × disputedAmount) on the work order; the work
 * is complete. No process variable is left of the commitment or the compensation.
 */
@Component("recordResolution")
@RequiredArgsConstructor
public class RecordResolutionDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    BigDecimal compensation = Compensation.amount(execution.getVariable(COMPENSATION_FACTOR),
        execution.getVariable(DISPUTED_AMOUNT));
    workOrders.changes(orderNo)
        .resolution((String) execution.getVariable(RESOLUTION), (String) execution.getVariable(ROOT_CAUSE),
            (String) execution.getVariable(RESPONSIBLE_PARTY), (String) execution.getVariable(COMMITMENT), compensation)
        .completion(WorkOrderRepository.now())
        .apply();
    // The decision's two outputs served only this step (the work order keeps commitment and amount, the
    // decision instance keeps both outputs): set and removed in one command, they never reach
    // ACT_RU_VARIABLE. A new resolution round decides them again.
    execution.removeVariable(COMMITMENT);
    execution.removeVariable(COMPENSATION_FACTOR);
  }
}
