package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Raise for the new reason (${raiseEscalationChain}): the level being supervised is closed as RAISED; the
 * chain starts again from the order's current level with the new escalationReason.
 */
@Component("raiseEscalationChain")
@RequiredArgsConstructor
public class RaiseEscalationChainDelegate implements JavaDelegate {

  private final EscalationRepository escalations;

  @Override
  public void execute(DelegateExecution execution) {
    Object id = execution.getVariable(ESCALATION_ID);
    if (id instanceof Number number) {
      escalations.close(number.longValue(), WorkOrderRepository.now(), EscalationRepository.CLOSED_RAISED);
    }
  }
}
