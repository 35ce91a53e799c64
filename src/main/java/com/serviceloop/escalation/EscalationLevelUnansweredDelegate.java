package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Go up a level: this level did not answer in time; escalation-level decides again from LEVEL_UNANSWERED. */
@Component("escalationLevelUnanswered")
public class EscalationLevelUnansweredDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ESCALATION_REASON, LEVEL_UNANSWERED);
    execution.setVariable(CURRENT_LEVEL, execution.getVariable(LEVEL));
  }
}
