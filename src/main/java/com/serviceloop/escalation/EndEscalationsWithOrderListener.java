package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End listener of every work order's process (${endEscalationsWithOrder}): however the process ends (any end
 * event, or deleted), the order's running escalation chain ends with it — its supervision task and timers are
 * cancelled by the chain's boundary event (message EscalationOrderEnded).
 */
@Component("endEscalationsWithOrder")
@RequiredArgsConstructor
public class EndEscalationsWithOrderListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(EndEscalationsWithOrderListener.class);

  private final RuntimeService runtimeService;

  @Override
  public void notify(DelegateExecution execution) {
    String orderNo = execution.getProcessBusinessKey();
    if (orderNo == null) {
      return; // ended before its register step: it has no order and no escalation
    }
    int ended = runtimeService.createMessageCorrelation(MESSAGE_ORDER_ENDED)
        .processInstanceBusinessKey(orderNo)
        .correlateAllWithResult().size();
    if (ended > 0) {
      LOG.info("Work order {} ended: {} escalation chain(s) ended with it", orderNo, ended);
    }
  }
}
