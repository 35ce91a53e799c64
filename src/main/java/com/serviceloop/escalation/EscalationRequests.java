package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.workorder.CaseOrder;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Request escalation (${requestEscalation}): one escalation chain per work order. Without a running chain
 * it starts the escalation process by its message start event EscalationRequested, business key = order
 * number; with one, the new reason raises that chain (message EscalationRaised: the level is decided again
 * from the order's current level and the new reason) instead of starting a second. The calling service
 * task says why with its input parameter escalationReason; the work order's process goes on. Requests of
 * one order come from its own process, whose jobs are exclusive, so two never race for the first chain.
 */
@Component("requestEscalation")
@RequiredArgsConstructor
public class EscalationRequests implements JavaDelegate {

  private final RuntimeService runtimeService;

  @Override
  public void execute(DelegateExecution execution) {
    request(CaseOrder.orderNo(execution), (String) execution.getVariable(ESCALATION_REASON));
  }

  public void request(String orderNo, String reason) {
    if (orderNo == null || reason == null) {
      throw new IllegalArgumentException("An escalation needs an order number and a reason, got " + orderNo
          + " / " + reason);
    }
    ProcessInstance running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EscalationProcess.PROCESS_ID).processInstanceBusinessKey(orderNo)
        .orderByProcessInstanceId().asc().listPage(0, 1).stream().findFirst().orElse(null);
    if (running != null) {
      runtimeService.createMessageCorrelation(MESSAGE_ESCALATION_RAISED)
          .processInstanceId(running.getId())
          .setVariable(ESCALATION_REASON, reason)
          .correlate();
      return;
    }
    runtimeService.createMessageCorrelation(MESSAGE_ESCALATION_REQUESTED)
        .processInstanceBusinessKey(orderNo)
        .setVariable(ORDER_NO, orderNo)
        .setVariable(ESCALATION_REASON, reason)
        .correlateStartMessage();
  }
}
