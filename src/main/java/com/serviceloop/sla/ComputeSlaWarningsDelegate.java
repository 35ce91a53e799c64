package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compute warnings: the two warning moments of each clock the task's input parameter {@code warningClock} names
 * (one, or several comma-separated: an installation's promise and its steps), from {@code warningStart} (default
 * {@code receivedAt}) to the clock's deadline in its time mode (the {@link SlaClock} variables), as variables
 * for the warning timers and on the work order. A clock this order does not have — no deadline, as a hall
 * order has no extraction — has nothing to warn of and is skipped.
 */
@Component("computeSlaWarnings")
@RequiredArgsConstructor
public class ComputeSlaWarningsDelegate implements JavaDelegate {

  /** Input parameter: when the clock started, if not {@code receivedAt} (an installation's {@code acceptedAt}). */
  public static final String WARNING_START = "warningStart";

  private final SlaWarningTimes times;
  private final WorkOrderRepository workOrders;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    Object given = execution.getVariable(WARNING_START);
    Instant start = calendar.toInstant(given != null ? given : execution.getVariable("receivedAt"));
    String clocks = (String) execution.getVariable(RecordSlaWarningDelegate.WARNING_CLOCK);
    for (String name : (clocks == null ? "" : clocks).split(",")) {
      SlaClock clock = SlaClock.of(name);
      Object deadline = execution.getVariable(clock.dueVariable());
      if (deadline == null) {
        continue;
      }
      Instant due = calendar.toInstant(deadline);
      Instant[] at = times.set(execution, clock, start, due, (String) execution.getVariable(clock.timeModeVariable()));
      workOrders.setWarningsDue(CaseOrder.orderNo(execution), clock, at[0], at[1], true);
    }
  }
}
