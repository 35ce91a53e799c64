package com.serviceloop.escalation;

import static com.serviceloop.escalation.EscalationVariables.*;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The life of an escalation chain beside its work order (processes/escalation.bpmn): raised by a new
 * reason, ended with the order.
 */
@Configuration
public class EscalationChainDelegates {

  private static final Logger LOG = LoggerFactory.getLogger(EscalationChainDelegates.class);

  private final EscalationRepository escalations;
  private final RuntimeService runtimeService;

  public EscalationChainDelegates(EscalationRepository escalations, RuntimeService runtimeService) {
    this.escalations = escalations;
    this.runtimeService = runtimeService;
  }

  /**
   * Raise for the new reason (${raiseEscalationChain}): the level being supervised is closed as RAISED;
   * the chain starts again from the order's current level with the new escalationReason.
   */
  @Bean
  public JavaDelegate raiseEscalationChain() {
    return execution -> {
      Object id = execution.getVariable(ESCALATION_ID);
      if (id instanceof Number number) {
        escalations.close(number.longValue(), WorkOrderRepository.now(), EscalationRepository.CLOSED_RAISED);
      }
    };
  }

  /** Close the chain (${closeEscalationChain}): the order ended; its open levels are closed as ORDER_ENDED. */
  @Bean
  public JavaDelegate closeEscalationChain() {
    return execution -> escalations.closeOpen(CaseOrder.orderNo(execution), WorkOrderRepository.now(),
        EscalationRepository.CLOSED_ORDER_ENDED);
  }

  /**
   * End listener of every work order's process (${endEscalationsWithOrder}): however the process ends
   * (any end event, or deleted), the order's running escalation chain ends with it — its supervision
   * task and timers are cancelled by the chain's boundary event (message EscalationOrderEnded).
   */
  @Bean
  public ExecutionListener endEscalationsWithOrder() {
    return execution -> {
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
    };
  }
}
