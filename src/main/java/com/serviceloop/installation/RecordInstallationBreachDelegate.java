package com.serviceloop.installation;

import com.serviceloop.sla.SlaBreaches;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A missed deadline (input parameters breachReason, breachDeadline): a breach row; the work goes on. */
@Component("recordInstallationBreach")
@RequiredArgsConstructor
public class RecordInstallationBreachDelegate implements JavaDelegate {

  private final SlaBreaches breaches;

  @Override
  public void execute(DelegateExecution execution) {
    breaches.record(execution);
  }
}
