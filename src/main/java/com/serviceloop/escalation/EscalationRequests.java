package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.workorder.CaseOrder;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Request escalation (${requestEscalation}): starts the escalation process for this work order by its
 * message start event EscalationRequested, business key = order number. The calling service task says
 * why with its input parameter escalationReason; the work order's process goes on.
 */
@Component("requestEscalation")
public class EscalationRequests implements JavaDelegate {

  private final RuntimeService runtimeService;

  public EscalationRequests(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    request(CaseOrder.orderNo(execution), (String) execution.getVariable(ESCALATION_REASON));
  }

  public void request(String orderNo, String reason) {
    if (orderNo == null || reason == null) {
      throw new IllegalArgumentException("An escalation needs an order number and a reason, got " + orderNo
          + " / " + reason);
    }
    runtimeService.createMessageCorrelation(MESSAGE_ESCALATION_REQUESTED)
        .processInstanceBusinessKey(orderNo)
        .setVariable(ORDER_NO, orderNo)
        .setVariable(ESCALATION_REASON, reason)
        .correlateStartMessage();
  }
}
