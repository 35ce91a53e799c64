package com.serviceloop.complaint;

import com.serviceloop.sla.SlaBreaches;
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

  private final SlaBreaches breaches;

  @Override
  public void execute(DelegateExecution execution) {
    breaches.record(execution);
  }
}
