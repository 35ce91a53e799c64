package com.serviceloop.sla;

import static com.serviceloop.workorder.CaseContracts.BREACH_DEADLINE;
import static com.serviceloop.workorder.CaseContracts.BREACH_REASON;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.common.Moments;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What every process's record-breach step does when a deadline timer fired: the step's input parameters
 * {@code breachReason} and {@code breachDeadline} (CaseContracts) name the breach, which goes to sl_breach
 * with the moment it was detected. The steps stay one named delegate per process; what a process adds to a
 * breach (a fault repair's fee reduction) stays in its delegate.
 */
@Component
@RequiredArgsConstructor
public class SlaBreaches {

  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  /** Records the breach the step names (its deadline a Date, or an ISO-8601 string); returns its reason. */
  public String record(VariableScope step) {
    Object reason = step.getVariable(BREACH_REASON);
    String breach = reason == null ? null : reason.toString();
    workOrders.recordBreach(CaseOrder.orderNo(step), breach,
        Moments.toInstant(step.getVariable(BREACH_DEADLINE), calendar.zone()), WorkOrderRepository.now());
    return breach;
  }
}
