package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Record resolution (投诉责任查究): the result, root cause and responsible party, the service commitment
 * service-commitment.dmn chose and its compensation (factor × disputedAmount); the work is complete.
 */
@Component("recordResolution")
public class RecordResolutionDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  public RecordResolutionDelegate(WorkOrderRepository workOrders) {
    this.workOrders = workOrders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String orderNo = CaseOrder.orderNo(execution);
    BigDecimal compensation = Compensation.amount(execution.getVariable(COMPENSATION_FACTOR),
        execution.getVariable(DISPUTED_AMOUNT));
    execution.setVariable(COMPENSATION_AMOUNT, compensation.doubleValue());
    workOrders.changes(orderNo)
        .resolution((String) execution.getVariable(RESOLUTION), (String) execution.getVariable(ROOT_CAUSE),
            (String) execution.getVariable(RESPONSIBLE_PARTY), (String) execution.getVariable(COMMITMENT), compensation)
        .completion(WorkOrderRepository.now())
        .apply();
  }
}
