package com.serviceloop.escalation;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Close the chain (${closeEscalationChain}): the order ended; its open levels are closed as ORDER_ENDED. */
@Component("closeEscalationChain")
@RequiredArgsConstructor
public class CloseEscalationChainDelegate implements JavaDelegate {

  private final EscalationRepository escalations;

  @Override
  public void execute(DelegateExecution execution) {
    escalations.closeOpen(CaseOrder.orderNo(execution), WorkOrderRepository.now(),
        EscalationRepository.CLOSED_ORDER_ENDED);
  }
}
