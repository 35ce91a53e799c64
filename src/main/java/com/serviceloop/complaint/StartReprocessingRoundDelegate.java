package com.serviceloop.complaint;

import static com.serviceloop.complaint.ComplaintVariables.*;

import com.serviceloop.sla.SlaWarningTimes;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Start re-processing round (再跟踪、再处理): the customer was not satisfied; one more round, due
 * reprocessingLimit (complaint-service-level) from now, counted in the task's input parameter
 * reprocessingTimeMode (the model passes the closure's time mode). The closure warnings are counted again
 * for the new span; the round's Handle complaint creates its warning timers from them.
 */
@Component("startReprocessingRound")
@RequiredArgsConstructor
public class StartReprocessingRoundDelegate implements JavaDelegate {

  private final WorkOrderRepository workOrders;
  private final ComplaintDeadlines deadlines;
  private final SlaWarningTimes warningTimes;

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = WorkOrderRepository.now();
    String mode = (String) execution.getVariable(REPROCESSING_TIME_MODE);
    Instant closureDue = deadlines.due(now, (String) execution.getVariable(REPROCESSING_LIMIT), mode);
    execution.setVariable(ROUNDS, ((Number) execution.getVariable(ROUNDS)).intValue() + 1);
    deadlines.set(execution, CLOSURE_DUE, closureDue);
    // the round, its unscheduled year and its warnings in one UPDATE of the work order (issue 12)
    WorkOrderRepository.Changes changes = workOrders.changes(CaseOrder.orderNo(execution))
        .newRound(closureDue)
        .unscheduledYear(deadlines.unscheduledYear(now, closureDue, mode));
    // The round's closure clock starts now: its warnings too (the sub-process's warning timers read them when
    // the round enters it), and the level reached starts again.
    if (warningTimes.has(execution, SlaClock.CLOSURE)) {
      Instant[] warnings = warningTimes.set(execution, SlaClock.CLOSURE, now, closureDue, mode);
      changes.warningsDue(SlaClock.CLOSURE, warnings[0], warnings[1], true);
      execution.setVariable(SLA_WARNING_TEXT, null); // the forms show no warning of an earlier round
    }
    changes.apply();
  }
}
