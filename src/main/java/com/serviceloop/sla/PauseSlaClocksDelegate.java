package com.serviceloop.sla;

import com.serviceloop.calendar.WorkingTimeCalendar;
import com.serviceloop.calendar.WorkingTimeCalendar.TimeMode;
import com.serviceloop.workorder.CaseOrder;
import com.serviceloop.workorder.SlaClock;
import com.serviceloop.workorder.WorkOrderRepository;
import java.time.Instant;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pause SLA clocks: the case waits for the customer until the next attempt. The task's input parameter
 * {@code pauseReason} names why; the variables the model's sla-pause business-rule task set say which clocks
 * stop ({@code pausesFirstContact}, {@code pausesClosure}) and when the next attempt comes
 * ({@code retryInterval} counted in {@code retryTimeMode} from now: working hours never fall at night), or, when
 * the task's input parameter {@code pauseUntil} gives it, the agreed moment, or, when the input parameter
 * {@code pauseOpenEnded} is true, no known end: the pause is applied up to sla-pause's longest pause
 * ({@code maxPause}) and {@link ResumeSlaClocksDelegate} shortens it when the customer answers. That moment
 * becomes {@code pausedUntil}, the wait timer's timeDate; the pause's start is {@code pausedAt}.
 */
@Component("pauseSlaClocks")
@RequiredArgsConstructor
public class PauseSlaClocksDelegate implements JavaDelegate {

  public static final String PAUSE_REASON = "pauseReason";
  public static final String PAUSES_FIRST_CONTACT = "pausesFirstContact";
  public static final String PAUSES_CLOSURE = "pausesClosure";
  public static final String RETRY_INTERVAL = "retryInterval";
  public static final String RETRY_TIME_MODE = "retryTimeMode";
  public static final String PAUSED_UNTIL = "pausedUntil";
  /** sla-pause: the longest a pause may last (natural time, ISO-8601); a later end is cut to it. */
  public static final String MAX_PAUSE = "maxPause";
  /** Input parameter: the pause's end when it is agreed, not an interval (a later visit the customer asked for). */
  public static final String PAUSE_UNTIL = "pauseUntil";
  /** Input parameter: the pause ends when the customer answers (documents requested), at the latest after maxPause. */
  public static final String PAUSE_OPEN_ENDED = "pauseOpenEnded";
  /** When the last pause began (a Date). */
  public static final String PAUSED_AT = "pausedAt";

  private final SlaPauses pauses;
  private final WorkingTimeCalendar calendar;

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = WorkOrderRepository.now();
    Object agreed = execution.getVariable(PAUSE_UNTIL);
    boolean openEnded = Boolean.TRUE.equals(execution.getVariable(PAUSE_OPEN_ENDED));
    Object max = execution.getVariable(MAX_PAUSE);
    Instant latest = max == null ? null : now.plus(java.time.Duration.parse(max.toString()));
    if (openEnded && latest == null) {
      throw new IllegalStateException("An open-ended pause needs sla-pause's maxPause");
    }
    Instant until = openEnded ? latest : agreed != null ? calendar.toInstant(agreed) : calendar.due(now,
        (String) execution.getVariable(RETRY_INTERVAL), TimeMode.of((String) execution.getVariable(RETRY_TIME_MODE)));
    if (latest != null && until.isAfter(latest)) { // a date far ahead never stops a clock for longer
      until = latest;
    }
    String reason = (String) execution.getVariable(PAUSE_REASON);
    String orderNo = CaseOrder.orderNo(execution);
    if (Boolean.TRUE.equals(execution.getVariable(PAUSES_FIRST_CONTACT))) {
      pauses.pause(execution, execution.getProcessInstanceId(), orderNo, SlaClock.FIRST_CONTACT, reason, now, until,
          openEnded);
    }
    if (Boolean.TRUE.equals(execution.getVariable(PAUSES_CLOSURE))) {
      pauses.pause(execution, execution.getProcessInstanceId(), orderNo, SlaClock.CLOSURE, reason, now, until,
          openEnded);
    }
    execution.setVariable(PAUSED_AT, Date.from(now));
    execution.setVariable(PAUSED_UNTIL, Date.from(until));
    execution.setVariable(PAUSED_UNTIL + "Text", calendar.display(Date.from(until)));
  }
}
