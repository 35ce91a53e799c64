package com.serviceloop.sla;

import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * A first-contact call as the complaint's and the fault repair's call forms submit it: {@code contactAttempts}
 * counts every call on the process (the form shows it); a call that did not reach the customer
 * ({@code contactResult} NOT_REACHED) is an attempt on the work order (first_contact_attempts), never the
 * contact: the model pauses the first-contact clock and calls again, as sla-pause decides. A reached customer
 * is the caller's to record (WorkOrderRepository.Changes#firstContact, which counts that call too).
 */
@Component
@RequiredArgsConstructor
public class FirstContactCalls {

  public static final String CONTACT_RESULT = "contactResult";
  /** contactResult of a call that did not reach the customer: an attempt, never the contact. */
  public static final String NOT_REACHED = "NOT_REACHED";
  /** The first-contact calls so far, reached or not (shown on the form). */
  public static final String CONTACT_ATTEMPTS = "contactAttempts";

  private final WorkOrderRepository workOrders;

  /** Counts the call of this step (a delegate's execution or a listener's task); whether it reached the customer. */
  public boolean reached(VariableScope call) {
    Object attempts = call.getVariable(CONTACT_ATTEMPTS);
    execution(call).setVariable(CONTACT_ATTEMPTS, (attempts instanceof Number n ? n.intValue() : 0) + 1);
    if (NOT_REACHED.equals(call.getVariable(CONTACT_RESULT))) {
      workOrders.recordFirstContactAttempt(CaseOrder.orderNo(call));
      return false;
    }
    return true;
  }

  private static DelegateExecution execution(VariableScope call) {
    return call instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) call;
  }
}
