package com.serviceloop.workorder;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Which work order a step of a process works on: the process instance's business key, which the register
 * step sets to the order number (call activities and escalations receive the parent's business key).
 * Never a process variable: variables can be set by a task submission or the engine's variable endpoints,
 * the business key only by the process's own register step.
 */
public final class CaseOrder {

  private CaseOrder() {}

  /** The order number of the case this execution or task belongs to; fails if the case has none yet. */
  public static String orderNo(VariableScope scope) {
    String key;
    if (scope instanceof DelegateExecution execution) {
      key = execution.getProcessBusinessKey();
    } else if (scope instanceof DelegateTask task) {
      key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    } else {
      throw new IllegalArgumentException("Not an execution or a task: " + scope);
    }
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("The case has no business key (order number) yet: " + scope);
    }
    return key;
  }
}
