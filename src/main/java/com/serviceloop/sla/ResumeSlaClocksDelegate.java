package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Resume SLA clocks after an open-ended pause ({@link SlaPauses#resume}): the task's input parameter
 * {@code pauseReason} names the pause, {@code resumeAt} when the wait really ended (the documents' arrival as
 * the handler recorded it); without it, now — the latest end, when the wait timer fired.
 */
@Component("resumeSlaClocks")
@RequiredArgsConstructor
public class ResumeSlaClocksDelegate implements JavaDelegate {

  /** Input parameter: the moment the wait ended. */
  public static final String RESUME_AT = "resumeAt";

  private final SlaPauses pauses;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = WorkOrderRepository.now();
    Object given = execution.getVariable(RESUME_AT);
    Instant at = given == null ? now : calendar.toInstant(given);
    pauses.resume(execution, execution.getProcessInstanceId(), CaseOrder.orderNo(execution),
        (String) execution.getVariable(PauseSlaClocksDelegate.PAUSE_REASON), at.isAfter(now) ? now : at);
  }
}
