package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Read current level: how far the work order has been escalated already (0 = never), for escalation-level. */
@Component("readEscalationLevel")
@RequiredArgsConstructor
public class ReadEscalationLevelDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CURRENT_LEVEL, workOrders.get(CaseOrder.orderNo(execution)).escalationLevel());
  }
}
